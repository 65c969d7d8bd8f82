package org.qingfeng.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring moment counted in working days, as timer cycles and settings write it:
 * {@code every month on working day 1 at 09:00} — the first working day of each month at nine. Periods are week,
 * month, quarter, half-year and year; the working day is counted from the period's first calendar day.
 * {@code every working day at 09:00} is every working day at nine.
 */
public record WorkingDaySchedule(Period period, int workingDay, LocalTime time) {

    private static final Pattern SYNTAX = Pattern.compile(
            "every (week|month|quarter|half-year|year) on working day (\\d{1,3}) at (\\d{1,2}:\\d{2})");
    private static final Pattern DAILY = Pattern.compile("every working day at (\\d{1,2}:\\d{2})");

    public enum Period {
        DAY, WEEK, MONTH, QUARTER, HALF_YEAR, YEAR;

        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                case HALF_YEAR -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
                case YEAR -> day.withDayOfYear(1);
            };
        }

        LocalDate next(LocalDate periodStart) {
            return switch (this) {
                case DAY -> periodStart.plusDays(1);
                case WEEK -> periodStart.plusWeeks(1);
                case MONTH -> periodStart.plusMonths(1);
                case QUARTER -> periodStart.plusMonths(3);
                case HALF_YEAR -> periodStart.plusMonths(6);
                case YEAR -> periodStart.plusYears(1);
            };
        }
    }

    public WorkingDaySchedule {
        if (workingDay < 1) {
            throw new IllegalArgumentException("working day of a schedule counts from 1: " + workingDay);
        }
    }

    /** The schedule written in {@code text}, or empty when the text is something else (a cron or ISO cycle). */
    public static Optional<WorkingDaySchedule> parse(String text) {
        String normalised = text.trim().toLowerCase(Locale.ROOT);
        Matcher daily = DAILY.matcher(normalised);
        if (daily.matches()) {
            return Optional.of(new WorkingDaySchedule(Period.DAY, 1, time(daily.group(1))));
        }
        Matcher m = SYNTAX.matcher(normalised);
        if (!m.matches()) {
            return Optional.empty();
        }
        Period period = Period.valueOf(m.group(1).replace('-', '_').toUpperCase(Locale.ROOT));
        return Optional.of(new WorkingDaySchedule(period, Integer.parseInt(m.group(2)), time(m.group(3))));
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    }

    /** The first moment of this schedule strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after, WorkingDayCalendar calendar) {
        LocalDate periodStart = period.start(after.toLocalDate());
        while (true) {
            ZonedDateTime candidate = nthWorkingDay(periodStart, calendar).atTime(time).atZone(after.getZone());
            if (candidate.isAfter(after)) {
                return candidate;
            }
            periodStart = period.next(periodStart);
        }
    }

    private LocalDate nthWorkingDay(LocalDate periodStart, WorkingDayCalendar calendar) {
        LocalDate day = calendar.isWorkingDay(periodStart) ? periodStart : calendar.plusWorkingDays(periodStart, 1);
        return calendar.plusWorkingDays(day, workingDay - 1);
    }

    @Override
    public String toString() {
        if (period == Period.DAY) {
            return "every working day at " + time;
        }
        return "every " + period.name().toLowerCase(Locale.ROOT).replace('_', '-') + " on working day " + workingDay
                + " at " + time;
    }
}
