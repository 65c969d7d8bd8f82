package org.qingfeng.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the operator, at start-up and every morning, of a year whose holidays are not loaded: this year always,
 * next year from {@code qingfeng.calendar.maintenance.next-year-warning-from} (November) on.
 */
@Component
class CalendarCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverage.class);

    private final ChineseWorkingDayCalendar calendar;
    private final BusinessClock clock;
    private final int nextYearFrom;

    CalendarCoverage(ChineseWorkingDayCalendar calendar, BusinessClock clock, CalendarMaintenanceSettings settings) {
        this.calendar = calendar;
        this.clock = clock;
        this.nextYearFrom = settings.nextYearWarningFrom();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        check();
    }

    @Scheduled(cron = "0 0 9 * * *", zone = "${qingfeng.calendar.zone}")
    void everyMorning() {
        check();
    }

    List<Integer> missingYears(LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        if (!calendar.covers(today.getYear())) {
            missing.add(today.getYear());
        }
        if (today.getMonthValue() >= nextYearFrom && !calendar.covers(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        return missing;
    }

    private void check() {
        for (int year : missingYears(clock.today())) {
            LOG.warn("working-day calendar has no holidays for year={}: load the State Council's notice with PUT /api/calendar/{}",
                    year, year);
        }
    }
}
