package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingfeng.identity.AdminFromEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.qingfeng.QingfengApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production has no default administrator: without QINGFENG_ADMIN_USER / _PASSWORD the application does not start. */
class AdminFromEnvironmentTest {

    @Test
    void thePostgresProfileRefusesToStartWithoutTheAdministratorFromTheEnvironment() {
        assertThat(System.getenv("QINGFENG_ADMIN_USER")).as("this test needs an environment without the variables").isNull();
        assertThatThrownBy(() -> start("--spring.profiles.active=postgres"))
                .hasMessageContaining("QINGFENG_ADMIN_USER").hasMessageContaining("QINGFENG_ADMIN_PASSWORD");
    }

    @Test
    void aWeakAdministratorPasswordIsRefusedToo() {
        assertThatThrownBy(() -> start("--spring.profiles.active=postgres", "--QINGFENG_ADMIN_USER=chief",
                "--QINGFENG_ADMIN_PASSWORD=admin"))
                .hasMessageContaining("QINGFENG_ADMIN_PASSWORD breaks the password policy");
    }

    @Test
    void aStrongAdministratorPasswordPassesAndOneWithTheUserIdDoesNot() {
        MockEnvironment strong = new MockEnvironment().withProperty("qingfeng.security.admin-from-environment", "true")
                .withProperty("QINGFENG_ADMIN_USER", "chief").withProperty("QINGFENG_ADMIN_PASSWORD", "Xq7!lantern-Harbor");
        new AdminFromEnvironment().postProcessEnvironment(strong, null);

        MockEnvironment withUserId = new MockEnvironment().withProperty("qingfeng.security.admin-from-environment", "true")
                .withProperty("QINGFENG_ADMIN_USER", "chief").withProperty("QINGFENG_ADMIN_PASSWORD", "Xq7!chief-Harbor");
        assertThatThrownBy(() -> new AdminFromEnvironment().postProcessEnvironment(withUserId, null))
                .hasMessageContaining("breaks the password policy");
    }

    private static void start(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QingfengApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            throw new AssertionError("started without the administrator from the environment");
        }
    }
}
