package org.qingfeng.supervision;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The campaign tables of the half-year revisit (整改回头看). Like the problem ledger, every method joins the caller's
 * transaction, so a rolled-back process step leaves no trace here. Bean name {@code revisitCampaigns}: the BPMN reads
 * a campaign's sample with {@code ${revisitCampaigns.sampledProblemIds(campaignId)}}.
 */
@Repository("revisitCampaigns")
public class RevisitCampaigns {

    public enum Status {
        OPEN, CLOSED, CANCELLED
    }

    public enum Trigger {
        /** Started by the half-yearly timer. */
        SCHEDULE,
        /** Started by the work-style office. */
        MANUAL
    }

    public record Campaign(long id, HalfYear half, Status status, Trigger trigger, String startedBy, Date startedAt,
            String processInstanceId, double sampleShare, int closedProblems, Date dueAt, int reminderCount,
            Date remindedAt, String conclusion, String closedBy, Date closedAt) {
    }

    /** A sampled problem as its revisit task shows it. */
    public record SampledProblem(long problemId, String number, String description, String officialReply,
            String departmentId, String departmentName, String category, Date closedAt, boolean easyToRebound) {
    }

    /** A sampled problem's revisit as recorded; outcome and method are null while it is open. */
    public record Item(long problemId, String number, String departmentName, String category, boolean easyToRebound,
            String method, String outcome, String reboundNumber, Date revisitedAt) {
    }

    public record Counts(int sampled, int done, int rebounds) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public RevisitCampaigns(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public long open(HalfYear half, Trigger trigger, String startedBy, String processInstanceId, double sampleShare, Date dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into revisit_campaign (half_key, period_start, period_end, status, trigger_kind, started_by,
                        started_at, process_instance_id, sample_share, due_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, half.key());
            ps.setTimestamp(2, start(half.firstDay()));
            ps.setTimestamp(3, start(half.end()));
            ps.setString(4, Status.OPEN.name());
            ps.setString(5, trigger.name());
            ps.setString(6, startedBy);
            ps.setTimestamp(7, now());
            ps.setString(8, processInstanceId);
            ps.setBigDecimal(9, BigDecimal.valueOf(sampleShare));
            ps.setTimestamp(10, timestamp(dueAt));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.query("select * from revisit_campaign where id = ?", this::campaign, id).stream().findFirst();
    }

    /** The campaigns of a half-year, oldest first. */
    public List<Campaign> of(HalfYear half) {
        return jdbc.query("select * from revisit_campaign where half_key = ? order by id", this::campaign, half.key());
    }

    /** Every campaign, newest first. */
    public List<Campaign> all() {
        return jdbc.query("select * from revisit_campaign order by started_at desc, id desc", this::campaign);
    }

    /** Campaigns not cancelled that were open at some time in [from, to). */
    public List<Campaign> activeBetween(Date from, Date to) {
        return jdbc.query("""
                select * from revisit_campaign where status <> ? and started_at < ? and (closed_at is null or closed_at >= ?)
                order by started_at, id""", this::campaign, Status.CANCELLED.name(), timestamp(to), timestamp(from));
    }

    /** Records the sample drawn from the half-year's {@code closedProblems} closed problems. */
    public void sampled(long campaignId, int closedProblems, List<RevisitSampler.Pick> picks) {
        jdbc.update("update revisit_campaign set closed_problems = ? where id = ?", closedProblems, campaignId);
        jdbc.batchUpdate("insert into revisit_campaign_item (campaign_id, problem_id, easy_to_rebound) values (?, ?, ?)",
                picks, picks.size(), (ps, pick) -> {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, pick.problemId());
                    ps.setBoolean(3, pick.easyToRebound());
                });
    }

    /** The ledger ids of the problems the campaign revisits: the collection of its multi-instance revisit. */
    public List<Long> sampledProblemIds(long campaignId) {
        return jdbc.queryForList("select problem_id from revisit_campaign_item where campaign_id = ? order by id",
                Long.class, campaignId);
    }

    public SampledProblem sampledProblem(long campaignId, long problemId) {
        return jdbc.queryForObject("""
                select p.id, p.number, p.description, p.official_reply, p.department_id, d.name, p.category, p.closed_at,
                    i.easy_to_rebound
                from revisit_campaign_item i join problem p on p.id = i.problem_id
                left join department d on d.id = p.department_id
                where i.campaign_id = ? and i.problem_id = ?""", (rs, n) -> new SampledProblem(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                date(rs, "closed_at"), rs.getBoolean(9)), campaignId, problemId);
    }

    /** Completes a sampled problem's item from the problem's latest revisit, which the revisit step has just written. */
    public void revisited(long campaignId, long problemId, String method, String by) {
        int updated = jdbc.update("""
                update revisit_campaign_item set method = ?, revisited_by = ?, revisited_at = ?,
                    revisit_id = (select max(id) from revisit where problem_id = ?),
                    outcome = (select outcome from revisit where id = (select max(id) from revisit where problem_id = ?)),
                    rebound_problem_id = (select rebound_problem_id from revisit
                        where id = (select max(id) from revisit where problem_id = ?))
                where campaign_id = ? and problem_id = ?""",
                method, by, now(), problemId, problemId, problemId, campaignId, problemId);
        if (updated != 1) {
            throw new IllegalStateException("problem " + problemId + " is not in campaign " + campaignId);
        }
    }

    public List<Item> items(long campaignId) {
        return jdbc.query("""
                select p.id, p.number, d.name, p.category, i.easy_to_rebound, i.method, i.outcome, n.number, i.revisited_at
                from revisit_campaign_item i join problem p on p.id = i.problem_id
                left join department d on d.id = p.department_id
                left join problem n on n.id = i.rebound_problem_id
                where i.campaign_id = ? order by i.id""", (rs, n) -> new Item(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8),
                date(rs, "revisited_at")), campaignId);
    }

    public Counts counts(long campaignId) {
        return jdbc.queryForObject("""
                select count(*),
                    coalesce(sum(case when outcome is not null then 1 else 0 end), 0),
                    coalesce(sum(case when outcome = 'rebound' then 1 else 0 end), 0)
                from revisit_campaign_item where campaign_id = ?""",
                (rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)), campaignId);
    }

    public void reminded(long campaignId) {
        jdbc.update("update revisit_campaign set reminder_count = reminder_count + 1, reminded_at = ? where id = ?",
                now(), campaignId);
    }

    public void close(long campaignId, String conclusion, String by) {
        if (jdbc.update("update revisit_campaign set status = ?, conclusion = ?, closed_by = ?, closed_at = ? where id = ? and status = ?",
                Status.CLOSED.name(), conclusion, by, now(), campaignId, Status.OPEN.name()) != 1) {
            throw new IllegalStateException("campaign " + campaignId + " is not open");
        }
    }

    /** Marks an open campaign cancelled, e.g. when its process instance was deleted; a closed one stays closed. */
    public boolean cancelIfOpen(long campaignId) {
        return jdbc.update("update revisit_campaign set status = ?, closed_at = ? where id = ? and status = ?",
                Status.CANCELLED.name(), now(), campaignId, Status.OPEN.name()) == 1;
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getLong("id"),
                HalfYear.parse(rs.getString("half_key")).orElseThrow(),
                Status.valueOf(rs.getString("status")),
                Trigger.valueOf(rs.getString("trigger_kind")),
                rs.getString("started_by"),
                date(rs, "started_at"),
                rs.getString("process_instance_id"),
                rs.getBigDecimal("sample_share").doubleValue(),
                rs.getInt("closed_problems"),
                date(rs, "due_at"),
                rs.getInt("reminder_count"),
                date(rs, "reminded_at"),
                rs.getString("conclusion"),
                rs.getString("closed_by"),
                date(rs, "closed_at"));
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
