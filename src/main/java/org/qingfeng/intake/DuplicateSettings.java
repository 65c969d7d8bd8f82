package org.qingfeng.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How duplicate reports (重复件) are looked for when a report is registered; defaults in application.yaml.
 *
 * @param window    how far back open problems are compared with a new report, by the time they were reported
 * @param threshold the least similarity (0–1) at which an open problem is offered as the one the report repeats
 * @param limit     how many candidates the registrar is offered at most, most similar first
 * @param otherDepartments how many candidates of other departments the register form offers at most after those of
 *                  the department the report names, most similar first; 0 for none
 */
@ConfigurationProperties("qingfeng.intake.duplicates")
public record DuplicateSettings(Duration window, double threshold, int limit, int otherDepartments) {

    public DuplicateSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("qingfeng.intake.duplicates.window must be a positive duration, e.g. P90D");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("qingfeng.intake.duplicates.threshold must lie in (0, 1]");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("qingfeng.intake.duplicates.limit must be at least 1");
        }
        if (otherDepartments < 0) {
            throw new IllegalArgumentException("qingfeng.intake.duplicates.other-departments must be 0 or more");
        }
    }
}
