package org.qingfeng.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public API's rate limits, on /public/api only; /public is outside /api's login filter. */
@Configuration
public class IntakeConfiguration {

    @Bean
    FilterRegistrationBean<PublicRateLimits> publicRateLimits(IntakeSettings settings, ObjectMapper json) {
        FilterRegistrationBean<PublicRateLimits> registration = new FilterRegistrationBean<>(new PublicRateLimits(settings, json));
        registration.addUrlPatterns("/public/api/*");
        registration.setName("publicRateLimits");
        return registration;
    }
}
