package org.qingfeng.rectification;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time rules of the problem lifecycle that an administrator may change; defaults in application.yaml.
 * Working-day counts per category and severity live in the rectification-deadline DMN table instead; the time of
 * day a deadline passes is {@code qingfeng.calendar.deadline-time}.
 */
@ConfigurationProperties("qingfeng.lifecycle")
public record LifecycleSettings(
        LocalTime warningTime,
        Period evaluationWindow,
        Period revisitAfter) {
}
