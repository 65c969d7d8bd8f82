package org.qingfeng.calendar;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's business calendars, taught to count working days. Every timer and due date in every process may say
 * <ul>
 *   <li>{@code 3 working days} (timeDuration, timeDate, camunda:dueDate): the end of the working day
 *   ({@code qingfeng.calendar.deadline-time}) three working days after the start;</li>
 *   <li>{@code every month on working day 1 at 09:00} (timeCycle): see {@link WorkingDaySchedule};</li>
 * </ul>
 * and everything else (ISO 8601 dates, durations and repeats, cron) means what it means in stock Camunda.
 */
public final class WorkingDayBusinessCalendars {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,4}) working days?");

    private final WorkingDayCalendar calendar;
    private final CalendarSettings settings;

    public WorkingDayBusinessCalendars(WorkingDayCalendar calendar, CalendarSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    public BusinessCalendarManager manager() {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new Duration());
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDate());
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycle());
        return manager;
    }

    /** Whether a timer or due date written this way is counted on the working-day calendar. */
    static boolean countsWorkingDays(String description) {
        return WORKING_DAYS.matcher(description.trim().toLowerCase(Locale.ROOT)).matches()
                || WorkingDaySchedule.parse(description).isPresent();
    }

    /** The end of the working day {@code days} working days after {@code start}, or empty if the text says otherwise. */
    Optional<Date> workingDaysAfter(String description, Date start) {
        Matcher m = WORKING_DAYS.matcher(description.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        ZonedDateTime from = start(start);
        return Optional.of(Date.from(calendar.plusWorkingDays(from.toLocalDate(), Integer.parseInt(m.group(1)))
                .atTime(settings.deadlineTime()).atZone(settings.zone()).toInstant()));
    }

    /** The next moment of the working-day schedule after {@code start}, or empty if the text is another kind of cycle. */
    Optional<Date> scheduled(String description, Date start) {
        return WorkingDaySchedule.parse(description).map(s -> Date.from(s.next(start(start), calendar).toInstant()));
    }

    private ZonedDateTime start(Date start) {
        return (start == null ? ClockUtil.getCurrentTime() : start).toInstant().atZone(settings.zone());
    }

    private final class Duration extends DurationBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return workingDaysAfter(duedate, startDate).orElseGet(() -> super.resolveDuedate(duedate, startDate));
        }
    }

    private final class DueDate extends DueDateBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return workingDaysAfter(duedate, startDate).orElseGet(() -> super.resolveDuedate(duedate, startDate));
        }
    }

    private final class Cycle extends CycleBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
            return scheduled(duedateDescription, startDate)
                    .orElseGet(() -> super.resolveDuedate(duedateDescription, startDate, repeatOffset));
        }
    }
}
