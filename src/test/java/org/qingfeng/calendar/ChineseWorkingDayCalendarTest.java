package org.qingfeng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The calendar as shipped: the State Council's 2024–2026 holiday notices in the calendar_day table. */
class ChineseWorkingDayCalendarTest extends ProcessTestSupport {

    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CalendarCoverage coverage;

    @Test
    void springFestivalIsSkippedAndItsMakeUpSaturdaysAreWorked() {
        // 2026: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 27), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void nationalDayWeekIsSkippedAndItsMakeUpDaysAreWorked() {
        // 2026: 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 19), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        // counting back from after the holiday lands before it
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 8), -1)).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void earlierYearsAndPlainWeekendsFollowTheirRules() {
        // 2025: 国庆节、中秋节 10月1日至8日, 9月28日(周日)上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void aYearWithoutItsNoticeCountsMondayToFriday() {
        // nothing is known of 2035: New Year's Day (a Monday) counts as a working day until the notice is loaded
        assertThat(((ChineseWorkingDayCalendar) calendar).covers(2035)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 6))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2034, 12, 29), 1)).isEqualTo(LocalDate.of(2035, 1, 1));
    }

    @Test
    void aMissingNextYearIsReportedFromNovember() {
        assertThat(coverage.missingYears(LocalDate.of(2026, 10, 31))).isEmpty();
        assertThat(coverage.missingYears(LocalDate.of(2026, 11, 2))).containsExactly(2027);
        assertThat(coverage.missingYears(LocalDate.of(2025, 12, 1))).isEmpty();
        assertThat(coverage.missingYears(LocalDate.of(2034, 3, 1))).containsExactly(2034);
    }
}
