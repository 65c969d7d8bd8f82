package org.qingfeng.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many complaints (投诉) a department has received, the figures the early warning decides on. A complaint is a
 * problem of the ledger attributed to the department and not rejected, counted by the time it was reported; a
 * rebound is a problem of its own and counts once; duplicate reports merged into a problem (合并重复件) count once,
 * as that problem.
 */
@Repository
public class ComplaintStatistics {

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final EarlyWarningSettings settings;

    public ComplaintStatistics(JdbcTemplate jdbc, BusinessClock clock, EarlyWarningSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The counts as of now: the trailing window ({@code qingfeng.early-warning.window-days}) and the last two
     * complete calendar months. Month on month (环比) compares complete months — in March, February with January —
     * because a month still running would compare part of a month with a whole one.
     */
    public ComplaintCounts of(String departmentId) {
        ZonedDateTime now = clock.now();
        YearMonth latest = YearMonth.from(now).minusMonths(1);
        YearMonth previous = latest.minusMonths(1);
        return new ComplaintCounts(
                settings.windowDays(),
                complaints(departmentId, now.minusDays(settings.windowDays()).toInstant(), now.toInstant()),
                latest, complaints(departmentId, start(latest), start(latest.plusMonths(1))),
                previous, complaints(departmentId, start(previous), start(latest)));
    }

    /**
     * The one definition of the number of complaints: the department's problems reported in [{@code from},
     * {@code until}), neither rejected nor merged — a merged duplicate is counted once, as the problem it was
     * merged into.
     */
    public int complaints(String departmentId, Instant from, Instant until) {
        return jdbc.queryForObject("""
                select count(*) from problem
                where department_id = ? and status not in ('REJECTED', 'MERGED') and reported_at >= ? and reported_at < ?""",
                Integer.class, departmentId, Timestamp.from(from), Timestamp.from(until));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(clock.zone()).toInstant();
    }

    /** A department's complaints in the window and in the last two complete months. */
    public record ComplaintCounts(int windowDays, int inWindow, YearMonth latestMonth, int latestMonthCount,
            YearMonth previousMonth, int previousMonthCount) {

        /** Month-on-month rise in percent, one decimal; null when the previous month had none to compare with. */
        public Double risePercent() {
            if (previousMonthCount == 0) {
                return null;
            }
            return Math.round((latestMonthCount - previousMonthCount) * 1000.0 / previousMonthCount) / 10.0;
        }

        public String latestMonthLabel() {
            return label(latestMonth);
        }

        public String previousMonthLabel() {
            return label(previousMonth);
        }

        /** One line for forms and letters, e.g. 近30日内4次；2026年2月3次，2026年1月2次. */
        public String summary() {
            return "近" + windowDays + "日内" + inWindow + "次；" + latestMonthLabel() + latestMonthCount + "次，"
                    + previousMonthLabel() + previousMonthCount + "次";
        }

        private static String label(YearMonth month) {
            return month.getYear() + "年" + month.getMonthValue() + "月";
        }
    }
}
