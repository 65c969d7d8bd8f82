package org.qingfeng.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds built-in listeners to every start event and user task that has a Camunda Form: the form's rules are
 * checked when the process starts or the task completes, through Tasklist or the API alike; task projections
 * (the ledger) hear of every task created and completed. Built-in listeners run first and cannot be skipped.
 * A user task's form gets the option lists it names ({@link FormOptions}) when it is opened
 * ({@link TaskFormWithOptions}).
 */
public class FormParseListener extends AbstractBpmnParseListener {

    private final FormRules rules;
    private final List<TaskProjection> projections;
    private final Supplier<LocalDate> today;

    public FormParseListener(FormRules rules, List<TaskProjection> projections, Supplier<LocalDate> today) {
        this.rules = rules;
        this.projections = projections;
        this.today = today;
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formKey = formRef(element);
        if (formKey != null) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                    rules.check(deploymentOf(execution), formKey, execution, today.get()), 0);
        }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        String formKey = formRef(element);
        if (formKey != null) {
            definition.setTaskFormHandler(new TaskFormWithOptions(definition.getTaskFormHandler(),
                    task -> rules.optionsFor(deploymentOf(task), formKey)));
        }
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task ->
                projections.forEach(p -> p.taskCreated(task)));
        // one pass over the form: a refusal throws before any projection hears of the completion
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
            Map<String, Object> filledIn = formKey == null
                    ? Map.of()
                    : rules.check(deploymentOf(task), formKey, task, today.get());
            projections.forEach(p -> p.taskCompleted(task, filledIn));
        });
    }

    private static String formRef(Element element) {
        return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    }

    private static String deploymentOf(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
    }

    private static String deploymentOf(DelegateTask task) {
        return ((TaskEntity) task).getProcessDefinition().getDeploymentId();
    }
}
