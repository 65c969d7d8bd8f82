package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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

    private static void start(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QingfengApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            throw new AssertionError("started without the administrator from the environment");
        }
    }
}
