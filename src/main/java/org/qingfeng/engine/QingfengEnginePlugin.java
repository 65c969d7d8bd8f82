package org.qingfeng.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.stereotype.Component;

/** Registers Qingfeng's parse listener, command interceptor and history filter with the engine. */
@Component
public class QingfengEnginePlugin extends AbstractProcessEnginePlugin {

    /** Task-local variables that only carry a form's choices (valuesKey in forms/). */
    static final Set<String> FORM_OPTION_VARIABLES = Set.of(ProblemLifecycle.Variables.DEPARTMENT_OPTIONS,
            ProblemLifecycle.Variables.DUPLICATE_CANDIDATES);

    private final List<TaskProjection> projections;
    private final List<FormOptions> formOptions;
    private final BusinessClock clock;

    public QingfengEnginePlugin(List<TaskProjection> projections, List<FormOptions> formOptions, BusinessClock clock) {
        this.projections = projections;
        this.formOptions = formOptions;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        listeners.add(new FormParseListener(new FormRules(formOptions), projections, clock::today));
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
        if (interceptors == null) {
            interceptors = new ArrayList<>();
            configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        }
        interceptors.add(new UnwrapInvalidInputInterceptor());
        // the task-local option lists of forms are not history: see FormOptionsHistoryFilter
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new FormOptionsHistoryFilter(new DbHistoryEventHandler(), FORM_OPTION_VARIABLES));
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
