package org.qingfeng.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Working days of the Chinese calendar: Monday to Friday, except the statutory holidays and make-up working days
 * (调休) listed in the {@code calendar_day} table, which ships with the State Council's notices and is where an
 * administrator adds a new year or corrects a day.
 */
@Component
public class ChineseWorkingDayCalendar implements WorkingDayCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(ChineseWorkingDayCalendar.class);

    private final JdbcTemplate jdbc;
    private volatile Map<LocalDate, Boolean> exceptions;

    public ChineseWorkingDayCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions().get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Reads the table again, after an administrator has changed it. */
    public void reload() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.query("select calendar_date, working from calendar_day",
                rs -> {
                    days.put(rs.getDate("calendar_date").toLocalDate(), rs.getBoolean("working"));
                });
        exceptions = Map.copyOf(days);
        LOG.info("working-day calendar loaded exceptions={}", days.size());
    }

    private Map<LocalDate, Boolean> exceptions() {
        if (exceptions == null) {
            synchronized (this) {
                if (exceptions == null) {
                    reload();
                }
            }
        }
        return exceptions;
    }
}
