package org.qingfeng.calendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Working days of the Chinese calendar: Monday to Friday, except the statutory holidays and make-up working days
 * (调休) listed in the {@code calendar_day} table, which ships with the State Council's notices and which an
 * administrator keeps through {@code /api/calendar} ({@link CalendarAdministration}).
 * <p>
 * The table is held in memory. A change made on this node is loaded when its transaction ends; a change made on
 * another node of the cluster is noticed within {@code qingfeng.calendar.maintenance.refresh-interval}. A year
 * without any row in the table (the notice not loaded yet) counts Monday to Friday, with a warning in the log.
 */
@Component
public class ChineseWorkingDayCalendar implements WorkingDayCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(ChineseWorkingDayCalendar.class);

    private final CalendarDays days;
    private final long refreshNanos;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile CalendarSnapshot snapshot;
    private volatile long checkedAt;

    public ChineseWorkingDayCalendar(CalendarDays days, CalendarMaintenanceSettings settings) {
        this.days = days;
        this.refreshNanos = settings.refreshInterval().toNanos();
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        CalendarSnapshot current = snapshot();
        if (!current.covers(day.getYear()) && warnedYears.add(day.getYear())) {
            LOG.warn("working-day calendar has no holidays for year={}; counting Monday to Friday until the State Council's "
                    + "notice is loaded (PUT /api/calendar/{})", day.getYear(), day.getYear());
        }
        return current.isWorkingDay(day);
    }

    /** Whether the year's holidays and make-up days are in the table. */
    public boolean covers(int year) {
        return snapshot().covers(year);
    }

    /** Reads the table again, after it has changed. */
    public void reload() {
        CalendarSnapshot loaded = days.snapshot();
        snapshot = loaded;
        checkedAt = System.nanoTime();
        warnedYears.removeIf(loaded::covers);
        LOG.info("working-day calendar loaded exceptions={} years={} version={}", loaded.exceptions().size(),
                loaded.coveredYears().stream().sorted().toList(), loaded.version());
    }

    /** The table as this node holds it now. */
    public CalendarSnapshot snapshot() {
        CalendarSnapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                return snapshot;
            }
        }
        if (System.nanoTime() - checkedAt > refreshNanos) {
            checkedAt = System.nanoTime();
            if (days.version() != current.version()) {
                reload();
                return snapshot;
            }
        }
        return current;
    }
}
