package org.qingfeng.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Admin's setup page (/camunda/api/admin/setup/…) creates a first administrator without logging in, whenever the
 * engine believes there is none — which a directory whose administrators are not direct members of camunda-admin
 * makes it believe for ever. Qingfeng creates its first administrator from configuration at start-up
 * ({@code camunda.bpm.admin-user}, from the environment under the postgres profile), so the page is never needed
 * and is closed for good.
 */
@Configuration
public class AdminSetupClosed {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSetupClosed.class);

    @Bean
    FilterRegistrationBean<Filter> adminSetupClosedFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            LOG.warn("refused a call to the admin setup endpoint");
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_FORBIDDEN);
            http.setContentType("application/json");
            http.setCharacterEncoding(StandardCharsets.UTF_8.name());
            http.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":"
                    + "\"the first administrator comes from configuration; initial setup is closed\"}");
        });
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setName("adminSetupClosed");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
