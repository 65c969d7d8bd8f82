package org.qingfeng.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Turns Camunda's password policy on (qingfeng.security.password-policy) once the application's beans exist and
 * before the web server takes requests: from then on every password set through Admin or the REST API (new users,
 * changed passwords) must have 10+ characters with upper and lower case letters, a digit and a special character.
 * The users seeded at start-up — the demo organisation with its demo password, and the configured administrator
 * — are created before it applies; in production the administrator's password is checked against the same policy
 * by {@link AdminFromEnvironment}.
 */
@Component
public class PasswordPolicySwitch implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordPolicySwitch.class);

    private final ProcessEngine engine;
    private final SecuritySettings settings;

    public PasswordPolicySwitch(ProcessEngine engine, SecuritySettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (settings.passwordPolicy() && configuration.getPasswordPolicy() == null) {
            // the engine creates its default policy only when the policy is on at start
            configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
        }
        configuration.setEnablePasswordPolicy(settings.passwordPolicy());
        LOG.info("password policy enabled={}", settings.passwordPolicy());
    }
}
