package org.qingfeng.supervision;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.ledger.ProblemStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger of special supervision orders and their reports. Like the problem ledger, every method joins the
 * caller's transaction, which for process steps is the engine's own.
 */
@Repository
public class SpecialSupervisions {

    /** What became of one reporting cycle. */
    public enum Outcome {
        REPORTED, MISSED
    }

    public enum Status {
        OPEN, ENDED
    }

    /** Why an order ended. */
    public enum EndReason {
        PROBLEM_CLOSED
    }

    /** The problem an order is about, as read (and locked) when the order is given. */
    public record Problem(long id, String number, ProblemStatus status, String departmentId, String description) {
    }

    /** An order as the ledger API and the bulletin show it. */
    public record Order(long id, String problemNumber, String departmentId, String departmentName, String orderedBy,
            Date orderedAt, String requirements, String reportCycle, String reportCycleName,
            Date finalDeadline, Date currentDueAt, int reportsCount, int missedCount, Status status,
            Date endedAt, EndReason endReason) {
    }

    /** One cycle of an order: the report, or the miss and the interview held over it. */
    public record Report(int round, Date dueAt, Outcome outcome, String progress, String difficulties,
            String nextSteps, LocalDate expectedCompletion, String reportedBy, Date recordedAt,
            String interviewedBy, Date interviewedAt, String interviewFindings, String interviewCommitments) {
    }

    private static final String ORDER_SELECT = """
            select s.*, p.number, p.department_id, d.name department_name,
                (select count(*) from special_supervision_report r where r.supervision_id = s.id and r.outcome = 'REPORTED') reports_count,
                (select count(*) from special_supervision_report r where r.supervision_id = s.id and r.outcome = 'MISSED') missed_count
            from special_supervision s join problem p on p.id = s.problem_id
            left join department d on d.id = p.department_id""";

    private final JdbcTemplate jdbc;
    private final FormCatalog forms;

    public SpecialSupervisions(JdbcTemplate jdbc, FormCatalog forms) {
        this.jdbc = jdbc;
        this.forms = forms;
    }

    /**
     * The problem with that ledger number, its row locked until the transaction ends, so that an order and the
     * problem's closure cannot pass each other unseen.
     */
    public Optional<Problem> lockProblem(String number) {
        return jdbc.query("select id, number, status, department_id, description from problem where number = ? for update",
                (rs, n) -> new Problem(rs.getLong("id"), rs.getString("number"), ProblemStatus.valueOf(rs.getString("status")),
                        rs.getString("department_id"), rs.getString("description")), number).stream().findFirst();
    }

    /** The open order on the problem, if there is one. */
    public Optional<Order> openOrderOn(long problemId) {
        return jdbc.query(ORDER_SELECT + " where s.open_problem_id = ?", this::order, problemId).stream().findFirst();
    }

    /**
     * Enters an open order.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the problem has an open order already
     */
    public long order(long problemId, String processInstanceId, String orderedBy, String requirements, String cycle,
            Date finalDeadline) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into special_supervision (problem_id, open_problem_id, process_instance_id, ordered_by, ordered_at,
                        requirements, report_cycle, final_deadline, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setLong(1, problemId);
            ps.setLong(2, problemId);
            ps.setString(3, processInstanceId);
            ps.setString(4, orderedBy);
            ps.setTimestamp(5, now());
            ps.setString(6, requirements);
            ps.setString(7, cycle);
            ps.setTimestamp(8, timestamp(finalDeadline));
            ps.setString(9, Status.OPEN.name());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void cycleOpened(long supervisionId, Date dueAt) {
        jdbc.update("update special_supervision set current_due_at = ? where id = ?", timestamp(dueAt), supervisionId);
    }

    public void reported(long supervisionId, int round, Date dueAt, String progress, String difficulties,
            String nextSteps, LocalDate expectedCompletion, String by) {
        jdbc.update("""
                insert into special_supervision_report (supervision_id, round, due_at, outcome, progress, difficulties,
                    next_steps, expected_completion, reported_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                supervisionId, round, timestamp(dueAt), Outcome.REPORTED.name(), progress, difficulties, nextSteps,
                expectedCompletion == null ? null : java.sql.Date.valueOf(expectedCompletion), by, now());
    }

    public void missed(long supervisionId, int round, Date dueAt) {
        jdbc.update("""
                insert into special_supervision_report (supervision_id, round, due_at, outcome, recorded_at)
                values (?, ?, ?, ?, ?)""", supervisionId, round, timestamp(dueAt), Outcome.MISSED.name(), now());
    }

    public void interviewed(long supervisionId, int round, String by, String findings, String commitments) {
        if (jdbc.update("""
                update special_supervision_report set interviewed_by = ?, interviewed_at = ?, interview_findings = ?,
                    interview_commitments = ?
                where supervision_id = ? and round = ? and outcome = 'MISSED'""",
                by, now(), findings, commitments, supervisionId, round) != 1) {
            throw new IllegalStateException("no missed report " + round + " of special supervision " + supervisionId);
        }
    }

    /** Ends the order; from now on the problem may be ordered again. */
    public void end(long supervisionId, EndReason reason) {
        jdbc.update("""
                update special_supervision set status = ?, open_problem_id = null, ended_at = ?, end_reason = ?, current_due_at = null
                where id = ? and status = 'OPEN'""", Status.ENDED.name(), now(), reason.name(), supervisionId);
    }

    public Optional<Order> find(long supervisionId) {
        return jdbc.query(ORDER_SELECT + " where s.id = ?", this::order, supervisionId).stream().findFirst();
    }

    /** Every order, or those with the status, newest first. */
    public List<Order> list(Status status) {
        return status == null
                ? jdbc.query(ORDER_SELECT + " order by s.ordered_at desc, s.id desc", this::order)
                : jdbc.query(ORDER_SELECT + " where s.status = ? order by s.ordered_at desc, s.id desc", this::order, status.name());
    }

    public List<Report> reports(long supervisionId) {
        return jdbc.query("select * from special_supervision_report where supervision_id = ? order by round",
                (rs, n) -> new Report(rs.getInt("round"), date(rs, "due_at"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("progress"), rs.getString("difficulties"), rs.getString("next_steps"),
                        rs.getDate("expected_completion") == null ? null : rs.getDate("expected_completion").toLocalDate(),
                        rs.getString("reported_by"), date(rs, "recorded_at"), rs.getString("interviewed_by"),
                        date(rs, "interviewed_at"), rs.getString("interview_findings"), rs.getString("interview_commitments")),
                supervisionId);
    }

    private Order order(ResultSet rs, int row) throws SQLException {
        String cycle = rs.getString("report_cycle");
        Map<String, String> cycles = forms.options(SpecialSupervision.START_FORM, SpecialSupervision.Variables.REPORT_CYCLE);
        String endReason = rs.getString("end_reason");
        return new Order(rs.getLong("id"), rs.getString("number"), rs.getString("department_id"),
                rs.getString("department_name"), rs.getString("ordered_by"), date(rs, "ordered_at"),
                rs.getString("requirements"), cycle, cycles.getOrDefault(cycle, cycle), date(rs, "final_deadline"),
                date(rs, "current_due_at"), rs.getInt("reports_count"), rs.getInt("missed_count"),
                Status.valueOf(rs.getString("status")), date(rs, "ended_at"),
                endReason == null ? null : EndReason.valueOf(endReason));
    }
}
