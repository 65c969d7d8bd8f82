package org.qingfeng;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QingfengApplication {

    public static void main(String[] args) {
        SpringApplication.run(QingfengApplication.class, args);
    }
}
