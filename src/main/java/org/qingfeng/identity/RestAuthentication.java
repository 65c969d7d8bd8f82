package org.qingfeng.identity;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest is open by default; here every call to it must carry HTTP Basic credentials of an engine user, and
 * the engine knows who acts, so the ledger records the real person behind each step. Qingfeng's own /api takes the
 * same credentials or, for reading, the webapps' login session.
 */
@Configuration
public class RestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        return filter("engineRestAuthentication", HttpBasicAuthenticationProvider.class, "/engine-rest/*");
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
        return filter("apiAuthentication", SessionOrBasicAuthenticationProvider.class, "/api/*");
    }

    /**
     * Camunda's filter lets GET /engine-rest/engine (the list of engine names) through without credentials; here
     * that path, too, needs a user of the default engine.
     */
    static final class EveryPathAuthenticated extends ProcessEngineAuthenticationFilter {

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }

        @Override
        protected String extractEngineName(String requestUrl) {
            String name = super.extractEngineName(requestUrl);
            return name == null || name.isEmpty() ? DEFAULT_ENGINE_NAME : name;
        }
    }

    private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter(String name,
            Class<? extends AuthenticationProvider> provider, String urlPattern) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EveryPathAuthenticated());
        registration.addUrlPatterns(urlPattern);
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName());
        registration.setName(name);
        return registration;
    }
}
