package org.qingfeng.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting anyone lock a user out. Failed logins are counted per pair of client
 * address and user name — the webapps' login form and HTTP Basic on /engine-rest and /api alike. After
 * {@code free-failures} failures that pair waits, twice as long after every further failure, up to
 * {@code max-delay}; a login inside the wait is answered 429 with Retry-After and not even checked. The same user
 * from another address is not affected, and one success clears the pair. Camunda's own per-user lock-out is off
 * (login-max-attempts, login-delay-base in application.yaml) because it would lock the real user out for everyone.
 * <p>
 * The client address is {@link HttpServletRequest#getRemoteAddr()}; behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so that it is the caller's, not the proxy's.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
    private static final int MAX_TRACKED = 100_000;

    private final SecuritySettings.LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    record Failures(int count, Instant last, Instant waitUntil) {
    }

    public LoginThrottle(SecuritySettings.LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = loginName(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRemoteAddr() + "\u0000" + user.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures known = current(key, now);
        if (known != null && known.waitUntil() != null && now.isBefore(known.waitUntil())) {
            long seconds = Math.max(1, Duration.between(now, known.waitUntil()).toSeconds() + 1);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"TooManyLoginFailures\",\"status\":429,\"message\":\"登录失败次数过多，请 "
                    + seconds + " 秒后再试\"}");
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(key, now);
        } else if (status < 400 && known != null) {
            failures.remove(key);
        }
    }

    /** The user name a request logs in with, or null when it does not try to log in. */
    static String loginName(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/")) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return null;
    }

    private Failures current(String key, Instant now) {
        Failures known = failures.get(key);
        if (known != null && known.last().plus(settings.window()).isBefore(now)) {
            failures.remove(key, known);
            return null;
        }
        return known;
    }

    private void failed(String key, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(settings.window()).isBefore(now));
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        Failures updated = failures.compute(key, (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            int over = count - settings.freeFailures();
            Instant waitUntil = over <= 0 ? null : now.plus(delay(over));
            return new Failures(count, now, waitUntil);
        });
        if (updated.waitUntil() != null) {
            LOG.warn("login failures from one client for one user name count={} client={}", updated.count(),
                    key.substring(0, key.indexOf('\u0000')));
        }
    }

    private Duration delay(int over) {
        Duration max = settings.maxDelay();
        long seconds = over >= 30 ? max.toSeconds() : Math.min(max.toSeconds(), 1L << (over - 1));
        return Duration.ofSeconds(seconds);
    }
}
