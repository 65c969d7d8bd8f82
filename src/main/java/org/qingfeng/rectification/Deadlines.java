package org.qingfeng.rectification;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/** Turns the lifecycle's time rules into instants, on the engine clock so tests can move time. */
@Component
public class Deadlines {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final WorkingDayCalendar calendar;
    private final WorkingDays workingDays;
    private final LifecycleSettings settings;
    private final BusinessClock clock;

    public Deadlines(WorkingDayCalendar calendar, WorkingDays workingDays, LifecycleSettings settings, BusinessClock clock) {
        this.calendar = calendar;
        this.workingDays = workingDays;
        this.settings = settings;
        this.clock = clock;
    }

    public ZonedDateTime now() {
        return clock.now();
    }

    public LocalDate today() {
        return clock.today();
    }

    /** The end of the working day that lies {@code workingDays} working days from today. */
    public Date afterWorkingDays(int days) {
        return workingDays.after(days);
    }

    /** The end of the given day: the moment a deadline on that day passes. */
    public Date endOf(LocalDate day) {
        return workingDays.endOf(day);
    }

    /** The end of {@code day} if it is a working day, else of the first working day after it. */
    public Date endOfWorkingDayFrom(LocalDate day) {
        return endOf(calendar.isWorkingDay(day) ? day : calendar.plusWorkingDays(day, 1));
    }

    /** The end of the working day that lies {@code days} working days after {@code start}. */
    public Date afterWorkingDays(LocalDate start, int days) {
        return afterWorkingDays(start, days, calendar);
    }

    /** The same, counted on the given calendar: the table before or after an administrator changed it. */
    public Date afterWorkingDays(LocalDate start, int days, WorkingDayCalendar on) {
        return endOf(on.plusWorkingDays(start, days));
    }

    /** When the yellow warning for a deadline goes out: {@code workingDays} working days earlier, in the morning. */
    public Date warningBefore(Date deadline, int workingDays) {
        return warningBefore(deadline, workingDays, calendar);
    }

    /** The same, counted on the given calendar. */
    public Date warningBefore(Date deadline, int workingDays, WorkingDayCalendar on) {
        LocalDate day = on.plusWorkingDays(toLocalDate(deadline), -workingDays);
        return Date.from(day.atTime(settings.warningTime()).atZone(clock.zone()).toInstant());
    }

    public Date evaluationDue() {
        return Date.from(now().plus(settings.evaluationWindow()).toInstant());
    }

    public Date revisitDue(Date closedAt) {
        return Date.from(closedAt.toInstant().atZone(clock.zone()).plus(settings.revisitAfter()).toInstant());
    }

    public LocalDate toLocalDate(Date instant) {
        return instant.toInstant().atZone(clock.zone()).toLocalDate();
    }

    public String display(Date instant) {
        return instant == null ? "" : DISPLAY.format(instant.toInstant().atZone(clock.zone()));
    }

    /**
     * A date chosen in a form (yyyy-MM-dd) as the deadline instant on that day; it must lie after now.
     *
     * @throws InvalidInputException naming the field when the date is malformed or not in the future
     */
    public Date futureDeadline(String field, String label, Object value) {
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(value).substring(0, Math.min(10, String.valueOf(value).length())));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + "不是有效日期：" + value);
        }
        Date deadline = endOf(day);
        if (!deadline.after(ClockUtil.getCurrentTime())) {
            throw new InvalidInputException(field, label + "必须晚于当前时间");
        }
        return deadline;
    }
}
