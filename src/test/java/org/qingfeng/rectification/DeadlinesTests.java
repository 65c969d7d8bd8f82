package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.calendar.CalendarSettings;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.calendar.WorkingDays;
import org.qingfeng.engine.InvalidInputException;

class DeadlinesTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Weekdays only, so these tests are about the arithmetic, not the holiday data. */
    private static final WorkingDayCalendar WEEKDAYS = day -> day.getDayOfWeek().getValue() <= 5;

    private static final CalendarSettings CALENDAR = new CalendarSettings(ZONE, LocalTime.of(18, 0));
    private static final BusinessClock CLOCK = new BusinessClock(CALENDAR);

    private final Deadlines deadlines = new Deadlines(WEEKDAYS, new WorkingDays(WEEKDAYS, CALENDAR, CLOCK),
            new LifecycleSettings(LocalTime.of(9, 0), Period.ofDays(15), Period.ofMonths(6)), CLOCK);

    @BeforeEach
    void friday() {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 6, 16, 30)));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        assertThat(deadlines.afterWorkingDays(1)).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 18, 0)));
        assertThat(deadlines.afterWorkingDays(5)).isEqualTo(at(LocalDateTime.of(2026, 3, 13, 18, 0)));
    }

    @Test
    void yellowWarningCountsWorkingDaysBackFromTheDeadline() {
        Date mondayDeadline = at(LocalDateTime.of(2026, 3, 16, 18, 0));
        assertThat(deadlines.warningBefore(mondayDeadline, 1)).isEqualTo(at(LocalDateTime.of(2026, 3, 13, 9, 0)));
        assertThat(deadlines.warningBefore(mondayDeadline, 0)).isEqualTo(at(LocalDateTime.of(2026, 3, 16, 9, 0)));
    }

    @Test
    void evaluationWindowAndRevisitAreCalendarPeriods() {
        assertThat(deadlines.evaluationDue()).isEqualTo(at(LocalDateTime.of(2026, 3, 21, 16, 30)));
        assertThat(deadlines.revisitDue(at(LocalDateTime.of(2026, 8, 31, 10, 0)))).isEqualTo(at(LocalDateTime.of(2027, 2, 28, 10, 0)));
    }

    @Test
    void aChosenDeadlineMustBeAValidFutureDate() {
        assertThat(deadlines.futureDeadline("f", "时限", "2026-03-06")).isEqualTo(at(LocalDateTime.of(2026, 3, 6, 18, 0)));
        assertThatThrownBy(() -> deadlines.futureDeadline("f", "时限", "2026-03-05"))
                .isInstanceOf(InvalidInputException.class).hasMessage("时限必须晚于当前时间");
        assertThatThrownBy(() -> deadlines.futureDeadline("f", "时限", "next week"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是有效日期");
    }

    @Test
    void countingBackwardsSkipsTheWeekendToo() {
        assertThat(WEEKDAYS.plusWorkingDays(LocalDate.of(2026, 3, 9), -1)).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(WEEKDAYS.plusWorkingDays(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }
}
