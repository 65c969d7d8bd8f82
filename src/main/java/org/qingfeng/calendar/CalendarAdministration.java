package org.qingfeng.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.ledger.api.BadParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to the working-day calendar: one day, or a year's notice at once. Each change is checked completely before
 * anything is written, recorded in {@code calendar_change}, and followed in the same transaction by the recount of
 * everything already counted in working days ({@link CalendarChangeListener}); so either all of it happens or none.
 */
@Service
public class CalendarAdministration {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    static final String DEFAULT_SOURCE = "管理员调整";
    static final String DEFAULT_MAKE_UP_NAME = "调休上班";
    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private static final Logger LOG = LoggerFactory.getLogger(CalendarAdministration.class);

    /** One day as an administrator sets it. */
    public record DayRequest(Boolean working, String name, String source) {
    }

    /** A year's notice: its days, and the notice they come from unless a day names its own. */
    public record YearRequest(String source, List<YearDayRequest> days) {
    }

    public record YearDayRequest(String date, Boolean working, String name, String source) {
    }

    /** What a change did: the days that changed, and how many deadlines, timers and due dates were counted again. */
    public record Update(List<CalendarChange.DayChange> changes, Map<String, Integer> recalculated) {
    }

    private final CalendarDays days;
    private final ChineseWorkingDayCalendar calendar;
    private final List<CalendarChangeListener> listeners;

    public CalendarAdministration(CalendarDays days, ChineseWorkingDayCalendar calendar, List<CalendarChangeListener> listeners) {
        this.days = days;
        this.calendar = calendar;
        this.listeners = listeners;
    }

    /** A date as the API takes it, yyyy-MM-dd, in the years the calendar accepts. */
    public static LocalDate date(String parameter, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "日期无效：" + text + "（应为 yyyy-MM-dd 格式的真实日期）");
        }
        checkYear(parameter, date.getYear());
        return date;
    }

    public static int year(String text) {
        int year;
        try {
            year = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException("year", "年份无效：" + text);
        }
        checkYear("year", year);
        return year;
    }

    @Transactional
    public Update setDay(String actor, LocalDate date, DayRequest request) {
        if (request == null) {
            throw new BadParameterException("working", "缺少请求体");
        }
        CalendarDay day = day("", date, request.working(), request.name(), request.source(), DEFAULT_SOURCE);
        Map<LocalDate, CalendarDay> target = new TreeMap<>();
        target.put(date, day);
        return apply(actor, target);
    }

    /** The day follows the Monday-to-Friday rule again. */
    @Transactional
    public Update resetDay(String actor, LocalDate date) {
        Map<LocalDate, CalendarDay> target = new TreeMap<>();
        target.put(date, null);
        return apply(actor, target);
    }

    /**
     * Makes the year's days exactly those of the notice: days listed are set, days of the year not listed follow the
     * Monday-to-Friday rule again.
     */
    @Transactional
    public Update loadYear(String actor, int year, YearRequest request) {
        if (request == null || request.days() == null || request.days().isEmpty()) {
            throw new BadParameterException("days", "通知中没有任何日期；一年的放假和调休安排至少有一天");
        }
        String source = trimmed(request.source());
        if (source == null) {
            throw new BadParameterException("source", "请写明通知名称（如 国务院办公厅关于" + year + "年部分节假日安排的通知）");
        }
        checkLength("source", source, 200);
        Map<LocalDate, CalendarDay> target = new TreeMap<>();
        for (CalendarDay existing : days.year(year)) {
            target.put(existing.date(), null);
        }
        Map<LocalDate, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < request.days().size(); i++) {
            YearDayRequest entry = request.days().get(i);
            String prefix = "days[" + i + "].";
            if (entry == null) {
                throw new BadParameterException("days[" + i + "]", "第 " + (i + 1) + " 项为空");
            }
            LocalDate date = date(prefix + "date", entry.date());
            if (date.getYear() != year) {
                throw new BadParameterException(prefix + "date", entry.date() + " 不在 " + year + " 年");
            }
            Integer earlier = seen.put(date, i);
            if (earlier != null) {
                throw new BadParameterException(prefix + "date", entry.date() + " 重复出现（第 " + (earlier + 1) + " 项和第 " + (i + 1) + " 项）");
            }
            target.put(date, day(prefix, date, entry.working(), entry.name(), entry.source(), source));
        }
        return apply(actor, target);
    }

    public List<CalendarDay> year(int year) {
        return days.year(year);
    }

    public List<CalendarDays.Change> changes(int year) {
        return days.changes(year);
    }

    private Update apply(String actor, Map<LocalDate, CalendarDay> target) {
        CalendarSnapshot before = days.snapshot();
        Date now = ClockUtil.getCurrentTime();
        List<CalendarChange.DayChange> changes = new ArrayList<>();
        target.forEach((date, day) -> {
            CalendarDay old = days.find(date).orElse(null);
            if (Objects.equals(old, day)) {
                return;
            }
            if (day == null) {
                days.delete(date);
            } else {
                days.save(day);
            }
            days.audit(actor, now, date, old, day);
            changes.add(new CalendarChange.DayChange(date, old, day));
        });
        if (changes.isEmpty()) {
            return new Update(List.of(), Map.of());
        }
        // this node's calendar follows the table once the change commits, or stays as it was when it rolls back
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                calendar.reload();
            }
        });
        CalendarChange change = new CalendarChange(actor, changes, before, days.snapshot());
        Map<String, Integer> recalculated = new LinkedHashMap<>();
        if (change.movesWorkingDays()) {
            for (CalendarChangeListener listener : listeners) {
                listener.calendarChanged(change).forEach((what, count) -> recalculated.merge(what, count, Integer::sum));
            }
        }
        LOG.info("working-day calendar changed by={} days={} recalculated={}", actor,
                changes.stream().map(c -> c.date().toString()).toList(), recalculated);
        return new Update(changes, recalculated);
    }

    private static CalendarDay day(String prefix, LocalDate date, Boolean working, String name, String source,
            String defaultSource) {
        if (working == null) {
            throw new BadParameterException(prefix + "working", date + "：请说明是否上班（working 为 true 或 false）");
        }
        String dayName = trimmed(name);
        if (working) {
            if (CalendarSnapshot.isWeekday(date)) {
                throw new BadParameterException(prefix + "working", date + " 是" + weekday(date)
                        + "，本就是工作日；要恢复默认安排请删除该日");
            }
            dayName = dayName == null ? DEFAULT_MAKE_UP_NAME : dayName;
        } else if (dayName == null) {
            throw new BadParameterException(prefix + "name", date + " 放假须写明节日名称（如 春节、国庆节）");
        }
        String daySource = trimmed(source) == null ? defaultSource : trimmed(source);
        checkLength(prefix + "name", dayName, 50);
        checkLength(prefix + "source", daySource, 200);
        return new CalendarDay(date, working, dayName, daySource);
    }

    private static void checkYear(String parameter, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BadParameterException(parameter, "年份 " + year + " 超出范围（" + FIRST_YEAR + "–" + LAST_YEAR + "）");
        }
    }

    private static void checkLength(String parameter, String text, int max) {
        if (text.length() > max) {
            throw new BadParameterException(parameter, "不能超过 " + max + " 个字符");
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return WEEKDAYS[day.getValue() - 1];
    }
}
