package org.qingfeng.engine;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link QueryExpressionGuard} in front of the engine's REST APIs. */
@Configuration
public class QueryExpressionGuardConfig {

    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        FilterRegistrationBean<QueryExpressionGuard> registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("queryExpressionGuard");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
