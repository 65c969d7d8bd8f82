package org.qingfeng.report;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.stereotype.Component;

/** A bulletin month's bounds as database timestamps, and days as the bulletin prints them. */
@Component
public class BulletinDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    public BulletinDates(BusinessClock clock) {
        this.zone = clock.zone();
    }

    public Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    }

    public Timestamp end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    public String day(Date time) {
        return time == null ? "" : DAY.format(time.toInstant().atZone(zone));
    }

    public static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }
}
