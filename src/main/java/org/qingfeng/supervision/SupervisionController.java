package org.qingfeng.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision records of the ledger: monthly reviews, accountability, the watch list and award disqualification. */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionController {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public SupervisionController(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    @Operation(summary = "Each department's result in a month's review (月度台账审核), with its interview")
    @GetMapping("/reviews")
    public List<Map<String, Object>> reviews(@Parameter(description = "reviewed month, yyyy-MM") @RequestParam String month) {
        return rows("""
                select r.period_month, r.department_id as department_id, d.name as department, r.due, r.closed,
                       r.rectification_rate, r.threshold, r.passed, r.consecutive_failures, r.reviewed_at,
                       i.title as interview, i.interviewer, i.interview_time, i.recorded_at as interview_recorded_at
                from department_review r join department d on d.id = r.department_id
                left join department_interview i on i.review_id = r.id
                where r.period_month = ? order by d.sort_order, d.id""", month(month).toString());
    }

    @Operation(summary = "Accountability (问责) decided in a year, newest first")
    @GetMapping("/accountability")
    public List<Map<String, Object>> accountability(@Parameter(description = "year, e.g. 2026") @RequestParam String year) {
        return rows("""
                select a.id, a.measure, a.department_id, d.name as department, a.person, a.decided_in, a.reason,
                       a.decided_by, a.decided_at
                from accountability a join department d on d.id = a.department_id
                where a.decided_at >= ? and a.decided_at < ? order by a.decided_at desc, a.id desc""",
                startOf(year(year)), startOf(year(year) + 1));
    }

    @Operation(summary = "The work-style watch list (作风观察名单): who is on it now, and until when")
    @GetMapping("/watch-list")
    public List<Map<String, Object>> watchList() {
        return rows("""
                select w.id, w.department_id, d.name as department, w.person, w.reason, w.listed_at, w.observe_until,
                       w.process_instance_id
                from watch_list_entry w join department d on d.id = w.department_id
                where w.status = 'OBSERVING' order by w.observe_until""");
    }

    @Operation(summary = "Departments that lost award eligibility (取消评优) in a year")
    @GetMapping("/award-disqualifications")
    public List<Map<String, Object>> disqualifications(@Parameter(description = "year, e.g. 2026") @RequestParam String year) {
        return rows("""
                select q.department_id, d.name as department, q.award_year, q.reason, q.decided_at
                from award_disqualification q join department d on d.id = q.department_id
                where q.award_year = ? order by d.sort_order""", year(year));
    }

    /** Rows with lower-case keys, as PostgreSQL names columns and H2 does not. */
    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args).stream().map(row -> {
            Map<String, Object> lower = new LinkedHashMap<>();
            row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
            return lower;
        }).toList();
    }

    private Timestamp startOf(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("month", "month must be written yyyy-MM, e.g. 2026-10");
        }
    }

    private static int year(String text) {
        if (!text.matches("\\d{4}")) {
            throw new BadParameterException("year", "year must be four digits, e.g. 2026");
        }
        return Integer.parseInt(text);
    }
}
