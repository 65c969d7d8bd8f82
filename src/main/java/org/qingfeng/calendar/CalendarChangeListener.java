package org.qingfeng.calendar;

import java.util.Map;

/**
 * Recounts what was counted in working days when the calendar changes: deadlines, timers, due dates. Runs in the
 * transaction of the change, so a failure leaves the calendar and everything counted from it as it was.
 */
public interface CalendarChangeListener {

    /** @return how many of what were moved, e.g. {@code {"timers": 2}}, for the administrator's answer */
    Map<String, Integer> calendarChanged(CalendarChange change);
}
