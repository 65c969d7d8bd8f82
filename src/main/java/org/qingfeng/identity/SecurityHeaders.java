package org.qingfeng.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything outside the Camunda webapps (/api, /public, /engine-rest, the API docs), where
 * Camunda's own header filter ({@code camunda.bpm.webapp.header-security}) does not reach: no content sniffing, no
 * framing, a restrictive Content-Security-Policy, no referrer leaving the site, and HSTS when enabled.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    private static final String CSP = "Content-Security-Policy";

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
                response.setHeader(CSP, settings.headers().contentSecurityPolicy());
            }
            if (!settings.hstsDisabled()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
        }
        chain.doFilter(request, new OwnPolicyWins(response));
    }

    /** A handler that sets a stricter policy of its own (the printable letters) replaces the default one. */
    private static final class OwnPolicyWins extends HttpServletResponseWrapper {

        OwnPolicyWins(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
