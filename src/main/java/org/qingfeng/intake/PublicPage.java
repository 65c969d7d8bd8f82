package org.qingfeng.intake;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the public complaint page (static files under {@code static/public/}) at /public/ without login, and sends
 * it with a strict Content-Security-Policy: the page has no inline script or style, and text a reporter or the staff
 * wrote can never run as script there even if it slipped into markup.
 */
@Configuration
public class PublicPage implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/public", "/public/");
        registry.addViewController("/public/").setViewName("forward:/public/index.html");
    }

    @Bean
    FilterRegistrationBean<Filter> publicPageHeaders() {
        Filter headers = (request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(headers);
        registration.addUrlPatterns("/public", "/public/*");
        registration.setName("publicPageHeaders");
        return registration;
    }
}
