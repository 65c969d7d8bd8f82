package org.qingfeng.identity;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the login throttle (before anything checks a password) and the security headers. */
@Configuration
public class WebSecurityFilters {

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(SecuritySettings settings) {
        FilterRegistrationBean<LoginThrottle> registration =
                new FilterRegistrationBean<>(new LoginThrottle(settings.loginThrottle(), Clock.systemUTC()));
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
        registration.setName("loginThrottle");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(SecuritySettings settings) {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(settings));
        registration.addUrlPatterns("/*");
        registration.setName("securityHeaders");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
