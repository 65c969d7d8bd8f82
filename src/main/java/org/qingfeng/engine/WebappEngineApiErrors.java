package org.qingfeng.engine;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the webapps' engine API (/camunda/api/engine/…, Camunda's EngineRestApplication, which Tasklist and Cockpit
 * call) the error mapping of /engine-rest: {@link EngineRestErrors}. Without it, the loser of two people completing
 * one task at the same moment, or a task id that does not exist, is told 500.
 * <p>
 * The starter's CamundaBpmWebappInitializer registers that API as a Jersey servlet named "Engine Api" whose only
 * init parameter is the application class. Jersey adds the classes named in
 * {@value ServerProperties#PROVIDER_CLASSNAMES} to that application; our mappers' priority makes Jersey choose them
 * over Camunda's mappers of the same exception types. The parameter has to be set after Camunda's initializer ran,
 * and initializer beans without an order run in no guaranteed order among themselves; the web server factory's own
 * initializers run after all of them, so ours is added there.
 */
@Component
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
public class WebappEngineApiErrors implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    /** The servlet name CamundaBpmWebappInitializer gives EngineRestApplication. */
    static final String ENGINE_API_SERVLET = "Engine Api";

    static final String MAPPERS = EngineRestErrors.RestExceptions.class.getName() + ","
            + EngineRestErrors.EngineExceptions.class.getName();

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        factory.addInitializers(WebappEngineApiErrors::addMappers);
    }

    private static void addMappers(ServletContext servletContext) {
        ServletRegistration engineApi = servletContext.getServletRegistration(ENGINE_API_SERVLET);
        // fail the start rather than run with the 500s the tests say are gone, should a Camunda upgrade rename things
        if (engineApi == null) {
            throw new IllegalStateException("the webapps' engine API servlet '" + ENGINE_API_SERVLET + "' is not registered");
        }
        if (!engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, MAPPERS)) {
            throw new IllegalStateException("the webapps' engine API servlet already has " + ServerProperties.PROVIDER_CLASSNAMES
                    + "=" + engineApi.getInitParameter(ServerProperties.PROVIDER_CLASSNAMES));
        }
    }
}
