package org.qingfeng.calendar;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may change the working-day calendar, and how it stays current on every node.
 *
 * @param editorGroups        groups whose members may change days through {@code /api/calendar}
 * @param refreshInterval     how often a node checks whether another node changed the calendar
 * @param nextYearWarningFrom from this month on, a missing next year is logged every day (the State Council
 *                            publishes the next year's holidays in November or December)
 */
@ConfigurationProperties("qingfeng.calendar.maintenance")
public record CalendarMaintenanceSettings(List<String> editorGroups, Duration refreshInterval, int nextYearWarningFrom) {

    public CalendarMaintenanceSettings {
        editorGroups = editorGroups == null ? List.of() : List.copyOf(editorGroups);
        refreshInterval = refreshInterval == null ? Duration.ofMinutes(1) : refreshInterval;
        nextYearWarningFrom = nextYearWarningFrom == 0 ? 11 : nextYearWarningFrom;
    }
}
