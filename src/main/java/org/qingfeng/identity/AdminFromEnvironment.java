package org.qingfeng.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production (the postgres profile sets {@code qingfeng.security.admin-from-environment}) has no default users and
 * no default passwords: the first administrator is created from QINGFENG_ADMIN_USER and QINGFENG_ADMIN_PASSWORD,
 * and start-up stops before anything else happens when either is missing, or when the password breaks the password
 * policy.
 */
public class AdminFromEnvironment implements EnvironmentPostProcessor {

    static final String USER = "QINGFENG_ADMIN_USER";
    static final String PASSWORD = "QINGFENG_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("qingfeng.security.admin-from-environment", Boolean.class, false)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(USER, PASSWORD)) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The first administrator comes from the environment: set " + USER + " and "
                    + PASSWORD + " (missing: " + String.join(", ", missing) + "). There are no default users or passwords.");
        }
        if (environment.getProperty("qingfeng.security.password-policy", Boolean.class, true)) {
            String password = environment.getProperty(PASSWORD);
            // the rule on user data (no user id or name in the password) needs the user
            UserEntity admin = new UserEntity(environment.getProperty(USER));
            for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
                if (!rule.execute(password, admin)) {
                    throw new IllegalStateException(PASSWORD + " breaks the password policy (" + rule.getPlaceholder()
                            + " " + rule.getParameters() + "): at least 10 characters with upper and lower case letters,"
                            + " a digit and a special character.");
                }
            }
        }
    }
}
