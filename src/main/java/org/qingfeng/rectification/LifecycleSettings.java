package org.qingfeng.rectification;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time rules of the problem lifecycle that an administrator may change; defaults in application.yaml.
 * Working-day counts per category and severity live in the rectification-deadline DMN table instead.
 */
@ConfigurationProperties("qingfeng.lifecycle")
public record LifecycleSettings(
        LocalTime deadlineTime,
        LocalTime warningTime,
        Period evaluationWindow,
        Period revisitAfter) {
}
