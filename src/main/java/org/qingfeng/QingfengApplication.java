package org.qingfeng;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QingfengApplication {

    private static final Logger LOG = LoggerFactory.getLogger(QingfengApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(QingfengApplication.class, args);
    }

    /** Tells whoever started the application where to log in. */
    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String path = env.getProperty("camunda.bpm.webapp.application-path", "/camunda");
        boolean demo = env.getProperty("qingfeng.demo.enabled", Boolean.class, false);
        LOG.info("Qingfeng is ready: log in at http://localhost:{}{}/app/tasklist/{}", port, path,
                demo ? " (demo users, e.g. wangfang / qingfeng; administrator admin / admin)" : "");
    }
}
