package org.qingfeng.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The {@code calendar_day} table as read at one moment. Immutable, so a calendar change can count the same deadline
 * under the old and the new table side by side.
 *
 * @param version the latest {@code calendar_change} id when it was read; a node whose version is behind reloads
 */
public record CalendarSnapshot(Map<LocalDate, Boolean> exceptions, Set<Integer> coveredYears, long version)
        implements WorkingDayCalendar {

    public CalendarSnapshot {
        exceptions = Map.copyOf(exceptions);
        coveredYears = Set.copyOf(coveredYears);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return isWeekday(day);
    }

    /** Whether the table holds the year's holidays at all; a year without any row counts Monday to Friday only. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
