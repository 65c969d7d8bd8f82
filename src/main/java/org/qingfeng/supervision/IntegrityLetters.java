package org.qingfeng.supervision;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.supervision.ComplaintStatistics.ComplaintCounts;
import org.qingfeng.supervision.IntegrityLetter.Origin;
import org.qingfeng.supervision.IntegrityLetter.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger of 廉洁提醒函 (tables {@code integrity_letter} and its timeline {@code integrity_letter_event}). Every
 * method joins the caller's transaction, for process steps the engine's own. Two unique keys make a second letter
 * impossible whichever node raises it: one letter per department and month, and one open letter per department.
 */
@Repository
public class IntegrityLetters {

    /** Kinds of timeline entries of a letter. */
    public enum EventType {
        RAISED, SENT, CANCELLED, REPLIED, REPLY_ACCEPTED, REPLY_RETURNED, REPLY_OVERDUE, URGED, CLOSED, WITHDRAWN
    }

    public record Event(Date occurredAt, EventType type, String actor, String activityId, String detail) {
    }

    public record NewLetter(String departmentId, String periodKey, Origin origin, String reason, ComplaintCounts counts,
            String raisedBy, String processInstanceId) {

        public String number() {
            return IntegrityLetter.number(departmentId, periodKey);
        }
    }

    private static final int DETAIL_LENGTH = 8000;
    private static final String OPEN = "('" + Status.DRAFTING + "', '" + Status.AWAITING_REPLY + "', '" + Status.UNDER_REVIEW + "')";
    private static final String SELECT = "select l.*, d.name department_name from integrity_letter l "
            + "join department d on d.id = l.department_id ";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public IntegrityLetters(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    /** The period a letter raised at {@code time} belongs to: its month, yyyy-MM. */
    public static String periodKey(ZonedDateTime time) {
        return YearMonth.from(time).toString();
    }

    /** Why no new letter may be raised for the department in this period, if there is a reason. */
    public Optional<String> refusal(String departmentId, String periodKey) {
        return jdbc.query("""
                select letter_number, open_department_id from integrity_letter
                where department_id = ? and (open_department_id is not null or period_key = ?)
                order by open_department_id nulls last""",
                (rs, n) -> rs.getString("open_department_id") != null
                        ? "该科室尚有未办结的廉洁提醒函（" + rs.getString("letter_number") + "），不能重复发函"
                        : "本月已向该科室发过廉洁提醒函（" + rs.getString("letter_number") + "），每个科室每月至多一函",
                departmentId, periodKey).stream().findFirst();
    }

    /**
     * The departments the early warning assesses: every department except those with an open letter, a letter
     * raised since {@code windowStart} or a letter of this period — sent, cancelled or withdrawn alike, so that a
     * decision not to send is not asked again every day.
     */
    public List<String> departmentsToAssess(Instant windowStart, String periodKey) {
        return jdbc.queryForList("""
                select d.id from department d
                where not exists (select 1 from integrity_letter l where l.department_id = d.id
                    and (l.open_department_id is not null or l.raised_at >= ? or l.period_key = ?))
                order by d.sort_order, d.id""", String.class, Timestamp.from(windowStart), periodKey);
    }

    public long raise(NewLetter letter) {
        ComplaintCounts counts = letter.counts();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into integrity_letter (letter_number, department_id, period_key, open_department_id, origin,
                        reason, window_days, complaints_in_window, latest_month_label, complaints_latest_month,
                        previous_month_label, complaints_previous_month, rise_percent, status, process_instance_id,
                        raised_at, raised_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, letter.number());
            ps.setString(2, letter.departmentId());
            ps.setString(3, letter.periodKey());
            ps.setString(4, letter.departmentId());
            ps.setString(5, letter.origin().name());
            ps.setString(6, letter.reason());
            ps.setInt(7, counts.windowDays());
            ps.setInt(8, counts.inWindow());
            ps.setString(9, counts.latestMonthLabel());
            ps.setInt(10, counts.latestMonthCount());
            ps.setString(11, counts.previousMonthLabel());
            ps.setInt(12, counts.previousMonthCount());
            ps.setObject(13, counts.risePercent() == null ? null : java.math.BigDecimal.valueOf(counts.risePercent()));
            ps.setString(14, Status.DRAFTING.name());
            ps.setString(15, letter.processInstanceId());
            ps.setTimestamp(16, now());
            ps.setString(17, letter.raisedBy());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void send(long id, String letterText, String sentBy, Date replyDue, byte[] document) {
        set(id, "status = ?, letter_text = ?, sent_at = ?, sent_by = ?, reply_due = ?, document = ?",
                Status.AWAITING_REPLY.name(), letterText, now(), sentBy, timestamp(replyDue), document);
    }

    /** A reply round begins: the department head has until {@code due}. */
    public void awaitReply(long id, Date due) {
        set(id, "status = ?, reply_due = ?", Status.AWAITING_REPLY.name(), timestamp(due));
    }

    public void replied(long id, String replyText, String measures, String by) {
        set(id, "status = ?, reply_text = ?, reply_measures = ?, replied_at = ?, replied_by = ?, reply_rounds = reply_rounds + 1",
                Status.UNDER_REVIEW.name(), replyText, measures, now(), by);
    }

    public void reviewed(long id, String comment) {
        set(id, "review_comment = ?", comment);
    }

    public void escalated(long id, String escalatedTo) {
        set(id, "escalation_count = escalation_count + 1, escalated_at = ?, escalated_to = ?", now(), escalatedTo);
    }

    public void close(long id) {
        set(id, "status = ?, closed_at = ?, open_department_id = null", Status.CLOSED.name(), now());
    }

    public void cancel(long id, String reason) {
        set(id, "status = ?, cancel_reason = ?, closed_at = ?, open_department_id = null", Status.CANCELLED.name(), reason, now());
    }

    /** Marks a letter whose process ended before the letter was closed; false when it was closed already. */
    public boolean withdraw(long id) {
        return jdbc.update("""
                update integrity_letter set status = ?, closed_at = ?, open_department_id = null
                where id = ? and status in""" + " " + OPEN, Status.WITHDRAWN.name(), now(), id) == 1;
    }

    /** Adds a line to the letter's timeline; a detail longer than the column holds is cut. */
    public void record(long id, EventType type, String actor, String activityId, String detail) {
        if (detail != null && detail.length() > DETAIL_LENGTH) {
            detail = detail.substring(0, DETAIL_LENGTH - 1) + "…";
        }
        jdbc.update("""
                insert into integrity_letter_event (letter_id, occurred_at, type, actor, activity_id, detail)
                values (?, ?, ?, ?, ?, ?)""", id, now(), type.name(), actor, activityId, detail);
    }

    public Optional<IntegrityLetter> find(long id) {
        return jdbc.query(SELECT + "where l.id = ?", IntegrityLetters::letter, id).stream().findFirst();
    }

    public Optional<IntegrityLetter> findByNumber(String number) {
        return jdbc.query(SELECT + "where l.letter_number = ?", IntegrityLetters::letter, number).stream().findFirst();
    }

    /** Letters, newest first, optionally of one department and of the month they were raised in. */
    public List<IntegrityLetter> list(String departmentId, YearMonth raisedIn) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (departmentId != null) {
            where.append(" and l.department_id = ?");
            args.add(departmentId);
        }
        if (raisedIn != null) {
            where.append(" and l.raised_at >= ? and l.raised_at < ?");
            args.add(start(raisedIn));
            args.add(start(raisedIn.plusMonths(1)));
        }
        return jdbc.query(SELECT + where + " order by l.raised_at desc, l.id desc", IntegrityLetters::letter, args.toArray());
    }

    /** The letters sent in a month, in the order they went out. */
    public List<IntegrityLetter> sentIn(YearMonth month) {
        return jdbc.query(SELECT + "where l.sent_at >= ? and l.sent_at < ? order by l.sent_at, l.id", IntegrityLetters::letter,
                start(month), start(month.plusMonths(1)));
    }

    /** The printable letter as it was sent. */
    public Optional<byte[]> document(long id) {
        return jdbc.query("select document from integrity_letter where id = ? and document is not null",
                (rs, n) -> rs.getBytes(1), id).stream().findFirst();
    }

    public List<Event> events(long id) {
        return jdbc.query("select * from integrity_letter_event where letter_id = ? order by occurred_at, id",
                (rs, n) -> new Event(date(rs, "occurred_at"), EventType.valueOf(rs.getString("type")), rs.getString("actor"),
                        rs.getString("activity_id"), rs.getString("detail")), id);
    }

    private static IntegrityLetter letter(ResultSet rs, int row) throws SQLException {
        java.math.BigDecimal rise = rs.getBigDecimal("rise_percent");
        return new IntegrityLetter(
                rs.getLong("id"),
                rs.getString("letter_number"),
                rs.getString("department_id"),
                rs.getString("department_name"),
                rs.getString("period_key"),
                Origin.valueOf(rs.getString("origin")),
                rs.getString("reason"),
                rs.getInt("window_days"),
                rs.getInt("complaints_in_window"),
                rs.getString("latest_month_label"),
                rs.getInt("complaints_latest_month"),
                rs.getString("previous_month_label"),
                rs.getInt("complaints_previous_month"),
                rise == null ? null : rise.doubleValue(),
                Status.valueOf(rs.getString("status")),
                date(rs, "raised_at"),
                rs.getString("raised_by"),
                rs.getString("letter_text"),
                date(rs, "sent_at"),
                rs.getString("sent_by"),
                rs.getString("cancel_reason"),
                date(rs, "reply_due"),
                rs.getInt("reply_rounds"),
                rs.getString("reply_text"),
                rs.getString("reply_measures"),
                date(rs, "replied_at"),
                rs.getString("replied_by"),
                rs.getString("review_comment"),
                rs.getInt("escalation_count"),
                date(rs, "escalated_at"),
                rs.getString("escalated_to"),
                date(rs, "closed_at"));
    }

    /** Sets columns of one letter, which must exist. */
    private void set(long id, String assignments, Object... args) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = id;
        if (jdbc.update("update integrity_letter set " + assignments + " where id = ?", all) != 1) {
            throw new IllegalStateException("no integrity letter " + id);
        }
    }

    private Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    }
}
