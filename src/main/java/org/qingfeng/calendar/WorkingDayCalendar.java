package org.qingfeng.calendar;

import java.time.LocalDate;

/**
 * Which days are working days (工作日). Every deadline in Qingfeng is counted through this one interface.
 */
public interface WorkingDayCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The day that is {@code days} working days after {@code from} (negative counts backwards); 0 returns {@code from}. */
    default LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int step = days >= 0 ? 1 : -1;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
