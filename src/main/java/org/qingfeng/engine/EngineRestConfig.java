package org.qingfeng.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * /engine-rest as the starter configures it, with Camunda's two exception mappers replaced by
 * {@link EngineRestErrors} (409 for concurrent changes and already completed tasks, 404 for unknown ids).
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    private final ObjectProvider<ProcessEngine> engine;

    public EngineRestConfig(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> configuration = new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
        configuration.remove(RestExceptionHandler.class);
        configuration.remove(ProcessEngineExceptionHandler.class);
        registerClasses(configuration);
        register(JacksonFeature.class);
        register(new EngineRestErrors.RestExceptions(engine::getObject));
        register(new EngineRestErrors.EngineExceptions(engine::getObject));
    }
}
