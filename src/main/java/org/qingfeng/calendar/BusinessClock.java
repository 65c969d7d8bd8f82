package org.qingfeng.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The engine clock in the organisation's time zone. Everything that asks "what day is it" asks here, so tests
 * that move the engine clock move the whole application.
 */
@Component
public class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(CalendarSettings settings) {
        this.zone = settings.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    public ZonedDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }
}
