package org.qingfeng.supervision;

import static org.qingfeng.ledger.SqlTimes.now;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.DepartmentRate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The supervision tables of the ledger (V12): department reviews, their interviews, accountability, award
 * disqualification and the watch list. Written by the review processes in the same transaction as their steps.
 */
@Repository
public class SupervisionRecords {

    /** A department's result in a month's review. */
    public record DepartmentReview(long id, String month, String departmentId, int due, int closed, Double rate,
                                   double threshold, boolean passed, int consecutiveFailures) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public SupervisionRecords(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public Optional<DepartmentReview> review(YearMonth month, String departmentId) {
        return jdbc.query("select * from department_review where period_month = ? and department_id = ?",
                (rs, n) -> new DepartmentReview(rs.getLong("id"), rs.getString("period_month"), rs.getString("department_id"),
                        rs.getInt("due"), rs.getInt("closed"), (Double) rs.getObject("rectification_rate", Double.class),
                        rs.getDouble("threshold"), rs.getBoolean("passed"), rs.getInt("consecutive_failures")),
                month.toString(), departmentId).stream().findFirst();
    }

    public boolean reviewed(YearMonth month) {
        Integer rows = jdbc.queryForObject("select count(*) from department_review where period_month = ?", Integer.class,
                month.toString());
        return rows != null && rows > 0;
    }

    public long insertReview(YearMonth month, DepartmentRate rate, double threshold, boolean passed, int consecutive,
                             String processInstanceId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var s = connection.prepareStatement("""
                    insert into department_review (period_month, department_id, due, closed, rectification_rate, threshold,
                        passed, consecutive_failures, process_instance_id, reviewed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            s.setString(1, month.toString());
            s.setString(2, rate.departmentId());
            s.setInt(3, rate.due());
            s.setInt(4, rate.closed());
            s.setObject(5, rate.rectificationRate());
            s.setDouble(6, threshold);
            s.setBoolean(7, passed);
            s.setInt(8, consecutive);
            s.setString(9, processInstanceId);
            s.setTimestamp(10, now());
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public void bulletinPublished(YearMonth month, String processInstanceId, String summary, long bulletinId) {
        jdbc.update("insert into monthly_review (period_month, process_instance_id, summary, bulletin_id) values (?, ?, ?, ?)",
                month.toString(), processInstanceId, summary, bulletinId);
    }

    public void committeeOpinion(String processInstanceId, String opinion, String by) {
        jdbc.update("update monthly_review set opinion = ?, reviewed_by = ?, reviewed_at = ? where process_instance_id = ?",
                opinion, by, now(), processInstanceId);
    }

    public void interviewScheduled(long reviewId, YearMonth month, String departmentId, String title, String interviewee,
                                   String processInstanceId) {
        jdbc.update("""
                insert into department_interview (review_id, period_month, department_id, title, interviewee, process_instance_id)
                values (?, ?, ?, ?, ?, ?)""", reviewId, month.toString(), departmentId, title, interviewee, processInstanceId);
    }

    public void interviewRecorded(long reviewId, String interviewer, String time, String place, String findings,
                                  String commitments) {
        jdbc.update("""
                update department_interview set interviewer = ?, interview_time = ?, place = ?, findings = ?, commitments = ?,
                    recorded_at = ? where review_id = ?""", interviewer, time, place, findings, commitments, now(), reviewId);
    }

    public void accountability(AccountabilityMeasure measure, String departmentId, String person, Long problemId,
                               Long reviewId, AccountabilityMeasure.DecidedIn decidedIn, String reason, String decidedBy) {
        jdbc.update("""
                insert into accountability (measure, department_id, person, problem_id, review_id, decided_in, reason,
                    decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                measure.name(), departmentId, person, problemId, reviewId, decidedIn.name(), reason, decidedBy, now());
    }

    /** Takes the department's award eligibility for the year; false when it had already lost it. */
    public boolean disqualify(String departmentId, int year, long reviewId, String reason) {
        Integer already = jdbc.queryForObject(
                "select count(*) from award_disqualification where department_id = ? and award_year = ?", Integer.class,
                departmentId, year);
        if (already != null && already > 0) {
            return false;
        }
        jdbc.update("""
                insert into award_disqualification (department_id, award_year, review_id, reason, decided_at)
                values (?, ?, ?, ?, ?)""", departmentId, year, reviewId, reason, now());
        return true;
    }

    public long listOnWatchList(String departmentId, String person, String reason, Long reviewId, Date observeUntil) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var s = connection.prepareStatement("""
                    insert into watch_list_entry (department_id, person, reason, review_id, listed_at, observe_until, status)
                    values (?, ?, ?, ?, ?, ?, 'OBSERVING')""", new String[] {"id"});
            s.setString(1, departmentId);
            s.setString(2, person);
            s.setString(3, reason);
            s.setObject(4, reviewId);
            s.setTimestamp(5, now());
            s.setTimestamp(6, new Timestamp(observeUntil.getTime()));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** The person's open watch-list entry, if they are on the list now. */
    public Optional<Long> openWatchListEntry(String person) {
        return jdbc.queryForList("select id from watch_list_entry where person = ? and status = 'OBSERVING'", Long.class, person)
                .stream().findFirst();
    }

    public String watchListReason(long entryId) {
        return jdbc.queryForObject("select reason from watch_list_entry where id = ?", String.class, entryId);
    }

    public void watchListProcess(long entryId, String processInstanceId) {
        jdbc.update("update watch_list_entry set process_instance_id = ? where id = ?", processInstanceId, entryId);
    }

    public void observationExtended(long entryId, Date until, String assessment, String by) {
        jdbc.update("update watch_list_entry set observe_until = ?, assessment = ?, closed_by = ? where id = ?",
                new Timestamp(until.getTime()), assessment, by, entryId);
    }

    public void observationLifted(long entryId, String assessment, String by) {
        jdbc.update("update watch_list_entry set status = 'LIFTED', closed_at = ?, closed_by = ?, assessment = ? where id = ?",
                now(), by, assessment, entryId);
    }

    public List<String> departmentIdsWithInterview(YearMonth month) {
        return jdbc.queryForList("select department_id from department_interview where period_month = ?", String.class,
                month.toString());
    }

    // --- reads for the supervision API and the dashboard; rows keyed by lower-case column names

    /** Each department's result in the month's review, with its interview. */
    public List<Map<String, Object>> reviewsOf(YearMonth month) {
        return rows("""
                select r.period_month, r.department_id as department_id, d.name as department, r.due, r.closed,
                       r.rectification_rate, r.threshold, r.passed, r.consecutive_failures, r.reviewed_at,
                       i.title as interview, i.interviewer, i.interview_time, i.recorded_at as interview_recorded_at
                from department_review r join department d on d.id = r.department_id
                left join department_interview i on i.review_id = r.id
                where r.period_month = ? order by d.sort_order, d.id""", month.toString());
    }

    /** Accountability decided in the year, newest first. */
    public List<Map<String, Object>> accountabilityIn(int year) {
        return rows("""
                select a.id, a.measure, a.department_id, d.name as department, a.person, a.decided_in, a.reason,
                       a.decided_by, a.decided_at
                from accountability a join department d on d.id = a.department_id
                where a.decided_at >= ? and a.decided_at < ? order by a.decided_at desc, a.id desc""",
                startOf(year), startOf(year + 1));
    }

    /** Who is on the watch list now, and until when. */
    public List<Map<String, Object>> watchList() {
        return rows("""
                select w.id, w.department_id, d.name as department, w.person, w.reason, w.listed_at, w.observe_until,
                       w.process_instance_id
                from watch_list_entry w join department d on d.id = w.department_id
                where w.status = 'OBSERVING' order by w.observe_until""");
    }

    /** Departments that lost award eligibility for the year. */
    public List<Map<String, Object>> disqualificationsIn(int year) {
        return rows("""
                select q.department_id, d.name as department, q.award_year, q.reason, q.decided_at
                from award_disqualification q join department d on d.id = q.department_id
                where q.award_year = ? order by d.sort_order""", year);
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
}
