package org.qingfeng.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.stereotype.Component;

/** Registers Qingfeng's parse listener and command interceptor with the engine. */
@Component
public class QingfengEnginePlugin extends AbstractProcessEnginePlugin {

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
    }
}
