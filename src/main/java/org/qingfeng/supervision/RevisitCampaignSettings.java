package org.qingfeng.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The half-year revisit campaign (整改回头看) as an administrator may change it; defaults in application.yaml. Which
 * categories rebound easily, and any share of their own, are in the revisit-sampling DMN table instead.
 *
 * @param schedule when the campaign starts by itself, as a timer cycle; a working-day schedule such as
 *                 {@code every half-year on working day 1 at 09:00} (first working day of January and July)
 * @param sampleShare share of the closed problems outside the easy-to-rebound categories that is revisited
 * @param dueWorkingDays working days the work-style office has for each revisit
 */
@ConfigurationProperties("qingfeng.revisit-campaign")
public record RevisitCampaignSettings(String schedule, double sampleShare, int dueWorkingDays) {

    public RevisitCampaignSettings {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("qingfeng.revisit-campaign.schedule is required");
        }
        if (!(sampleShare > 0 && sampleShare <= 1)) {
            throw new IllegalArgumentException("qingfeng.revisit-campaign.sample-share must lie in (0, 1]: " + sampleShare);
        }
        if (dueWorkingDays < 1) {
            throw new IllegalArgumentException("qingfeng.revisit-campaign.due-working-days must be at least 1");
        }
    }
}
