package org.qingfeng.identity;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Users and groups from the organisation's LDAP directory instead of the engine's own tables (profile {@code ldap},
 * which sets {@code qingfeng.ldap.enabled}). Camunda's LDAP identity provider reads them, checks passwords by binding
 * as the user, and the engine's identity service becomes read-only: people and memberships are kept in the directory.
 * Group ids are what the processes name as candidate groups (workStyleOffice, deptCanteen, deptCanteenHead, …), so the
 * directory's groups carry those ids in the attribute {@code qingfeng.ldap.group-id-attribute} names.
 *
 * <p>Every {@code qingfeng.ldap.*} property with the name of a setting of Camunda's plugin is passed to it
 * (server-url, manager-dn, manager-password, base-dn, user-search-base, user-search-filter, user-id-attribute, …);
 * {@code admin-user} and {@code admin-group} get all permissions once authorization is on.
 */
@Configuration
@ConditionalOnProperty(name = "qingfeng.ldap.enabled", havingValue = "true")
public class LdapDirectory {

    public LdapDirectory(Environment env) {
        if (env.getProperty("qingfeng.demo.enabled", Boolean.class, false)) {
            // the demo organisation writes users and groups, which the read-only directory refuses
            throw new IllegalStateException("qingfeng.ldap.enabled needs qingfeng.demo.enabled=false (the profile ldap sets it)");
        }
    }

    @Bean
    @ConfigurationProperties("qingfeng.ldap")
    LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
        return new LdapIdentityProviderPlugin();
    }

    @Bean
    AdministratorAuthorizationPlugin ldapAdministrators(@Value("${qingfeng.ldap.admin-user:}") String adminUser,
            @Value("${qingfeng.ldap.admin-group:}") String adminGroup) {
        AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
        plugin.setAdministratorUserName(adminUser.isBlank() ? null : adminUser);
        plugin.setAdministratorGroupName(adminGroup.isBlank() ? null : adminGroup);
        return plugin;
    }
}
