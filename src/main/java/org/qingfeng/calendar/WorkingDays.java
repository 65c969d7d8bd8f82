package org.qingfeng.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for expressions in processes, e.g. {@code camunda:dueDate="${workingDays.after(5)}"}:
 * the end of the working day five working days from now, on the engine clock.
 */
@Component("workingDays")
public class WorkingDays {

    private final WorkingDayCalendar calendar;
    private final CalendarSettings settings;
    private final BusinessClock clock;

    public WorkingDays(WorkingDayCalendar calendar, CalendarSettings settings, BusinessClock clock) {
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The end of the working day that lies {@code days} working days from today. */
    public Date after(int days) {
        return endOf(calendar.plusWorkingDays(clock.today(), days));
    }

    /** The end of the given day: the moment a deadline on that day passes. */
    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(settings.deadlineTime()).atZone(clock.zone()).toInstant());
    }
}
