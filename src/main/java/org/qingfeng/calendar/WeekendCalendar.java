package org.qingfeng.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Monday to Friday are working days. Stands in until the statutory holiday calendar is in place. */
@Component
public class WeekendCalendar implements WorkingDayCalendar {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
