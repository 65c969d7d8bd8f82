package org.qingfeng.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code qingfeng.security} block: cookie and transport flags, the password policy switch, login throttling and
 * the headers of everything outside the Camunda webapps.
 */
@ConfigurationProperties("qingfeng.security")
public record SecuritySettings(boolean secureCookies, boolean hstsDisabled, boolean passwordPolicy,
        boolean adminFromEnvironment, LoginThrottleSettings loginThrottle, Headers headers) {

    public record LoginThrottleSettings(int freeFailures, Duration maxDelay, Duration window) {
    }

    public record Headers(String contentSecurityPolicy) {
    }
}
