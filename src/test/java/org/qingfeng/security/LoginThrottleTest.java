package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.qingfeng.identity.LoginThrottle;
import org.qingfeng.identity.SecuritySettings;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Guessing slows down the guesser only: per client address and user name, never the user everywhere. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecuritySettings.LoginThrottleSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(15)), clock);

    @Test
    void afterFiveFailuresTheSameClientWaitsButTheUserCanStillLogInFromElsewhere() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("10.0.0.1", "zhoumin", false).getStatus()).isEqualTo(401);
        }
        assertThat(basic("10.0.0.1", "zhoumin", false).getStatus()).as("sixth failure, now a wait").isEqualTo(401);

        MockHttpServletResponse waiting = basic("10.0.0.1", "zhoumin", true);
        assertThat(waiting.getStatus()).isEqualTo(429);
        assertThat(waiting.getHeader("Retry-After")).isNotNull();
        assertThat(basic("10.0.0.2", "zhoumin", true).getStatus()).as("same user, other client").isEqualTo(200);
        assertThat(basic("10.0.0.1", "wangfang", true).getStatus()).as("same client, other user").isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        assertThat(basic("10.0.0.1", "zhoumin", true).getStatus()).as("after the wait").isEqualTo(200);
        assertThat(basic("10.0.0.1", "zhoumin", false).getStatus()).as("success cleared the count").isEqualTo(401);
        assertThat(basic("10.0.0.1", "zhoumin", true).getStatus()).isEqualTo(200);
    }

    @Test
    void theWaitDoublesUpToTheMaximumAndIsForgottenAfterTheWindow() throws Exception {
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(6));
            basic("10.0.0.3", "zhaogang", false);
        }
        MockHttpServletResponse waiting = basic("10.0.0.3", "zhaogang", true);
        assertThat(waiting.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(waiting.getHeader("Retry-After"))).isBetween(290L, 301L);

        clock.advance(Duration.ofMinutes(16));
        assertThat(basic("10.0.0.3", "zhaogang", true).getStatus()).isEqualTo(200);
    }

    @Test
    void webappLoginFormsAreCountedByTheirUserName() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(webappLogin("10.0.0.4", "sunli", false).getStatus()).isEqualTo(401);
        }
        assertThat(webappLogin("10.0.0.4", "sunli", true).getStatus()).isEqualTo(429);
        assertThat(webappLogin("10.0.0.5", "sunli", true).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse basic(String client, String user, boolean rightPassword) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(client);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + (rightPassword ? "right" : "wrong")).getBytes(StandardCharsets.UTF_8)));
        return run(request, rightPassword);
    }

    private MockHttpServletResponse webappLogin(String client, String user, boolean rightPassword) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setRemoteAddr(client);
        request.setParameter("username", user);
        request.setParameter("password", rightPassword ? "right" : "wrong");
        return run(request, rightPassword);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, boolean rightPassword) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((HttpServletResponse) res).setStatus(rightPassword ? 200 : 401);
            }
        });
        return response;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
