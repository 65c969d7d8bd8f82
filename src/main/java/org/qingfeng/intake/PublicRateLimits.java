package org.qingfeng.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the public API, applied before a request body is read: a flood of uploads is turned away before it
 * costs parsing. Clients are told apart by a keyed hash of their address (the key lives in memory and changes at
 * every start), so no address is kept, stored or logged.
 */
public class PublicRateLimits extends OncePerRequestFilter {

    private final RateLimiter reports;
    private final RateLimiter queries;
    private final List<String> trustedProxies;
    private final ObjectMapper json;
    /** One MAC object per thread, initialised with the key for every request. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final SecretKeySpec clientKey;

    public PublicRateLimits(IntakeSettings settings, ObjectMapper json) {
        this.reports = new RateLimiter(settings.reportsPerMinute(), System::nanoTime);
        this.queries = new RateLimiter(settings.queriesPerMinute(), System::nanoTime);
        this.trustedProxies = settings.trustedProxies();
        this.json = json;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.clientKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean report = "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/public/api/reports");
        long wait = (report ? reports : queries).acquire(client(request));
        if (wait > 0) {
            IntakeRejection refusal = IntakeRejection.tooManyRequests(wait);
            response.setStatus(refusal.status().value());
            response.setHeader("Retry-After", Long.toString(wait));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), IntakeErrors.body(refusal));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The keyed hash of the client's address; behind a trusted proxy, of the address the proxy saw. */
    private String client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(address)) {
            String[] hops = forwarded.split(",");
            address = hops[hops.length - 1].strip();
        }
        try {
            Mac mac = HMAC.get();
            mac.init(clientKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
