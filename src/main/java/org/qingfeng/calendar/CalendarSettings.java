package org.qingfeng.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time zone in which the organisation's days, months and years begin and end, and the time of day at which a
 * deadline of "N working days" passes on its last day.
 */
@ConfigurationProperties("qingfeng.calendar")
public record CalendarSettings(ZoneId zone, LocalTime deadlineTime) {
}
