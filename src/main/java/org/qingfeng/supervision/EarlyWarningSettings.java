package org.qingfeng.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The early warning (预警) and its integrity reminder letters (廉洁提醒函); defaults in application.yaml. The
 * thresholds themselves — how many complaints, how steep a rise — are rows of processes/early-warning.dmn.
 *
 * @param scanSchedule     when the scan runs, a timer cycle such as {@code every working day at 09:00}
 * @param windowDays       the trailing window, in calendar days, in which complaints are counted, and in which a
 *                         department that got a letter is not flagged again
 * @param replyWorkingDays working days the department head has to reply to a letter
 * @param issuer           the sender printed on the letter
 * @param textTemplate     the suggested letter text (plain text with {@code {{placeholders}}})
 * @param documentTemplate the printable letter (HTML with {@code {{placeholders}}}; every value is HTML-escaped)
 */
@ConfigurationProperties("qingfeng.early-warning")
public record EarlyWarningSettings(
        String scanSchedule,
        int windowDays,
        int replyWorkingDays,
        String issuer,
        Resource textTemplate,
        Resource documentTemplate) {
}
