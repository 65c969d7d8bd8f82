package org.qingfeng.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The time zone in which the organisation's days, months and years begin and end. */
@ConfigurationProperties("qingfeng.calendar")
public record CalendarSettings(ZoneId zone) {
}
