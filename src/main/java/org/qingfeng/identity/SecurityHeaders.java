package org.qingfeng.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything outside the Camunda webapps (/api, /public, /engine-rest, the API docs), where
 * Camunda's own header filter ({@code camunda.bpm.webapp.header-security}) does not reach: no content sniffing, no
 * framing, a restrictive Content-Security-Policy, no referrer leaving the site, and HSTS when enabled.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    private final SecuritySettings settings;

    public SecurityHeaders(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
            if (!path.startsWith("/swagger-ui") && !path.startsWith("/api/docs")) {
                response.setHeader("Content-Security-Policy", settings.headers().contentSecurityPolicy());
            }
            if (!settings.hstsDisabled()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
        }
        chain.doFilter(request, response);
    }
}
