package org.qingfeng.ledger;

import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.util.Date;
import org.qingfeng.ledger.audit.AuditDetail;
import org.qingfeng.ledger.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The typed records of a problem's steps: plans, progress reports, extension requests, reminders, evaluations,
 * escalation interviews and revisits. Like {@link ProblemLedger}, every method joins the caller's transaction and
 * is an entry of the {@link AuditTrail}.
 */
@Repository
public class LedgerRecords {

    /** Kinds of reminders and warnings. */
    public enum ReminderKind {
        CLAIM_OVERDUE, YELLOW_WARNING, RED_WARNING
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    public LedgerRecords(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public void plan(long problemId, String plan, String by) {
        jdbc.update("""
                insert into rectification_plan (problem_id, round, plan, submitted_by, submitted_at)
                select id, rectification_round, ?, ?, ? from problem where id = ?""", plan, by, now(), problemId);
        audit.change(problemId, "RECORD_PLAN", AuditDetail.of("plan", plan, "submitted_by", by));
    }

    public void progress(long problemId, String action, String report, String by) {
        jdbc.update("insert into progress_report (problem_id, action, report, reported_by, reported_at) values (?, ?, ?, ?, ?)",
                problemId, action, report, by, now());
        audit.change(problemId, "RECORD_PROGRESS", AuditDetail.of("action", action, "report", report, "reported_by", by));
    }

    public void extensionRequested(long problemId, Date requestedDeadline, String reason, String by) {
        jdbc.update("""
                insert into extension_request (problem_id, requested_deadline, reason, requested_by, requested_at)
                values (?, ?, ?, ?, ?)""", problemId, timestamp(requestedDeadline), reason, by, now());
        audit.change(problemId, "RECORD_EXTENSION_REQUEST", AuditDetail.of("requested_deadline", requestedDeadline, "reason", reason, "requested_by", by));
    }

    /** Decides the problem's open extension request. */
    public void extensionDecided(long problemId, String decision, String comment, String by) {
        jdbc.update("""
                update extension_request set decision = ?, decision_comment = ?, decided_by = ?, decided_at = ?
                where problem_id = ? and decision is null""", decision, comment, by, now(), problemId);
        audit.change(problemId, "RECORD_EXTENSION_DECISION", AuditDetail.of("decision", decision, "decision_comment", comment, "decided_by", by));
    }

    public void reminder(long problemId, ReminderKind kind, Date deadline) {
        jdbc.update("insert into reminder (problem_id, kind, deadline, sent_at) values (?, ?, ?, ?)",
                problemId, kind.name(), timestamp(deadline), now());
        audit.change(problemId, "RECORD_REMINDER", AuditDetail.of("kind", kind.name(), "deadline", deadline));
    }

    public void evaluation(long problemId, Number internal, Number recipient, String note, String by) {
        jdbc.update("""
                insert into evaluation (problem_id, round, internal_satisfaction, recipient_satisfaction, note, evaluated_by, evaluated_at)
                select id, rectification_round, ?, ?, ?, ?, ? from problem where id = ?""",
                decimal(internal), decimal(recipient), note, by, now(), problemId);
        audit.change(problemId, "RECORD_EVALUATION", AuditDetail.of("internal_satisfaction", internal, "recipient_satisfaction", recipient, "note", note, "evaluated_by", by));
    }

    /**
     * What the service recipients' side of the problem's latest evaluation rested on: {@code basis}, the survey's
     * respondents, the public ratings counted and how many of them satisfied, and the rate the decision compared.
     */
    public void evaluationBasis(long problemId, String basis, Integer respondents, long publicRatings, long publicSatisfied,
            BigDecimal combined) {
        jdbc.update("""
                update evaluation set recipient_basis = ?, recipient_respondents = ?, public_ratings = ?,
                    public_ratings_satisfied = ?, combined_recipient_satisfaction = ?
                where problem_id = ? and id = (select max(id) from evaluation where problem_id = ?)""",
                basis, respondents, publicRatings, publicSatisfied, combined, problemId, problemId);
        audit.change(problemId, "RECORD_EVALUATION_BASIS", AuditDetail.of("recipient_basis", basis, "recipient_respondents",
                respondents, "public_ratings", publicRatings, "public_ratings_satisfied", publicSatisfied,
                "combined_recipient_satisfaction", combined));
    }

    /** Records whether the problem's latest evaluation met the threshold. */
    public void evaluationOutcome(long problemId, boolean met) {
        jdbc.update("""
                update evaluation set satisfaction_met = ? where problem_id = ?
                and id = (select max(id) from evaluation where problem_id = ?)""", met, problemId, problemId);
        audit.change(problemId, "RECORD_EVALUATION_OUTCOME", AuditDetail.of("satisfaction_met", met));
    }

    public void interview(long problemId, int level, String title, String interviewer, String time, String place,
            String findings, String commitments, Date newDeadline) {
        jdbc.update("""
                insert into escalation_interview (problem_id, level, title, interviewer, interview_time, place, findings,
                    commitments, new_deadline, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                problemId, level, title, interviewer, time, place, findings, commitments, timestamp(newDeadline), now());
        audit.change(problemId, "RECORD_INTERVIEW", AuditDetail.of("level", level, "title", title, "interviewer", interviewer, "interview_time", time, "place", place, "findings", findings, "commitments", commitments, "new_deadline", newDeadline));
    }

    /** Marks the problem's latest interview as having proposed the watch list. */
    public void watchListProposed(long problemId) {
        jdbc.update("""
                update escalation_interview set watch_list_proposed = true where problem_id = ?
                and id = (select max(id) from escalation_interview where problem_id = ?)""", problemId, problemId);
        audit.change(problemId, "RECORD_WATCH_LIST_PROPOSED", AuditDetail.of("watch_list_proposed", true));
    }

    public void revisit(long problemId, String outcome, String findings, String by) {
        jdbc.update("insert into revisit (problem_id, outcome, findings, revisited_by, revisited_at) values (?, ?, ?, ?, ?)",
                problemId, outcome, findings, by, now());
        audit.change(problemId, "RECORD_REVISIT", AuditDetail.of("outcome", outcome, "findings", findings, "revisited_by", by));
    }

    /** Links the problem's latest revisit to the new problem its rebound opened. */
    public void reboundOpened(long problemId, long reboundProblemId) {
        jdbc.update("""
                update revisit set rebound_problem_id = ? where problem_id = ?
                and id = (select max(id) from revisit where problem_id = ?)""", reboundProblemId, problemId, problemId);
        audit.change(problemId, "RECORD_REBOUND_OPENED", AuditDetail.of("rebound_problem_id", reboundProblemId));
    }

    public int count(String table, long problemId) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.queryForObject("select count(*) from " + table + " where problem_id = ?", Integer.class, problemId);
    }

    private static BigDecimal decimal(Number value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
