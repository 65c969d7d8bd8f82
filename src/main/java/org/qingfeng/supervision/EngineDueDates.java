package org.qingfeng.supervision;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Resolves a due date from a setting ({@code 5 working days}, {@code P7D}, …) through the engine's own business
 * calendar, so a setting means in Java exactly what it would mean in a timer or a task's due date. Only inside a
 * running engine command (a delegate or listener).
 */
@Component
public class EngineDueDates {

    public Date after(String description, Date start) {
        return Context.getProcessEngineConfiguration().getBusinessCalendarManager()
                .getBusinessCalendar(DueDateBusinessCalendar.NAME).resolveDuedate(description, start);
    }
}
