package org.qingfeng.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.TaskFormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.Test;

class TaskFormWithOptionsTests {

    /** Counts how often its list is worked out, as a duplicate search would cost. */
    private static final class CountingOptions implements FormOptions {
        final AtomicInteger searches = new AtomicInteger();

        @Override
        public String name() {
            return "duplicateCandidates";
        }

        @Override
        public List<Map<String, Object>> options(VariableScope scope) {
            searches.incrementAndGet();
            return List.of(Map.of("label", "ZF-2026-000001（签收认领，相似度80%）食堂", "value", "ZF-2026-000001"));
        }
    }

    /** The engine's handler, as far as these tests need it: a Camunda Form with no generated fields. */
    private static final class EngineHandler implements TaskFormHandler {
        final List<VariableMap> submitted = new ArrayList<>();

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormDataImpl data = new TaskFormDataImpl();
            data.setTask(task);
            data.setFormFields(List.of());
            return data;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            submitted.add(properties);
        }
    }

    private final CountingOptions duplicates = new CountingOptions();
    private final EngineHandler engine = new EngineHandler();
    private final TaskEntity task = new TaskEntity();

    @Test
    void creatingTheFormDataDoesNotWorkOutTheOptions() {
        TaskFormData data = new TaskFormWithOptions(engine, t -> List.of(duplicates)).createTaskForm(task);

        assertThat(data.getFormFields()).extracting(FormField::getId).containsExactly("duplicateCandidates");
        assertThat(data.getFormFields()).extracting(f -> f.getType().getName(), FormField::getTypeName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json", "json"));
        assertThat(data.getTask()).isSameAs(task);
        assertThat(duplicates.searches).hasValue(0);
    }

    @Test
    void readingTheFieldWorksThemOutOnceAsJson() {
        FormField field = new TaskFormWithOptions(engine, t -> List.of(duplicates)).createTaskForm(task).getFormFields().get(0);

        TypedValue value = field.getValue();
        assertThat(field.getValue()).isSameAs(value);
        assertThat(duplicates.searches).hasValue(1);
        assertThat(value.getType()).isEqualTo(SpinValueType.JSON);
        assertThat(((SerializableValue) value).getValueSerialized())
                .contains("\"value\":\"ZF-2026-000001\"").contains("\"label\":\"ZF-2026-000001（签收认领，相似度80%）食堂\"");
    }

    @Test
    void aFormThatNamesNoOptionsIsLeftAsTheEngineMadeIt() {
        TaskFormData data = new TaskFormWithOptions(engine, t -> List.of()).createTaskForm(task);

        assertThat(data.getFormFields()).isEmpty();
    }

    @Test
    void submittingIsTheEnginesBusiness() {
        VariableMap filledIn = Variables.createVariables().putValue("mergeTarget", "ZF-2026-000001");
        new TaskFormWithOptions(engine, t -> List.of(duplicates)).submitFormVariables(filledIn, task);

        assertThat(engine.submitted).containsExactly(filledIn);
        assertThat(duplicates.searches).hasValue(0);
    }
}
