package org.qingfeng.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Days of the working-day calendar changed by an administrator, with the table before and after, so that whatever
 * was counted in working days can be counted again. Handed to every {@link CalendarChangeListener} inside the
 * transaction of the change.
 */
public record CalendarChange(String actor, List<DayChange> days, CalendarSnapshot before, CalendarSnapshot after) {

    /** One day; {@code before} or {@code after} is null where the day follows the Monday-to-Friday rule. */
    public record DayChange(LocalDate date, CalendarDay before, CalendarDay after) {
    }

    public CalendarChange {
        days = List.copyOf(days);
    }

    /** Whether any day changed between working and non-working (a new name alone moves nothing). */
    public boolean movesWorkingDays() {
        return days.stream().anyMatch(d -> before.isWorkingDay(d.date()) != after.isWorkingDay(d.date()));
    }
}
