package org.qingfeng.supervision;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingfeng.engine.FormCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Proposals to form a special rectification group (专项整改小组) and the problems behind each; in the caller's transaction. */
@Repository
public class RectificationGroupProposals {

    public enum Status {
        /** 待审定. */
        OPEN,
        /** 同意组建. */
        ACCEPTED,
        /** 不予组建. */
        DECLINED
    }

    /** A registered problem that counts towards a proposal. */
    public record Recurring(long id, String number, String description) {
    }

    /** A proposal as the API and the bulletin show it. */
    public record Proposal(long id, String departmentId, String departmentName, String category, String categoryName,
            List<String> problemNumbers, Date proposedAt, Status status, String decidedBy, Date decidedAt,
            String groupLeader, String members, String goal, Date groupDeadline, String declineReason) {
    }

    private final JdbcTemplate jdbc;
    private final FormCatalog forms;
    private final TransactionTemplate savepoint;

    public RectificationGroupProposals(JdbcTemplate jdbc, FormCatalog forms, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Optional<Long> openProposal(String departmentId, String category) {
        return jdbc.queryForList("""
                select id from rectification_group_proposal where open_department_id = ? and open_category = ?""",
                Long.class, departmentId, category).stream().findFirst();
    }

    /** Registered problems of the department and category since {@code since} that no proposal has counted yet. */
    public List<Recurring> uncounted(String departmentId, String category, Date since) {
        return jdbc.query("""
                select p.id, p.number, p.description from problem p
                where p.department_id = ? and p.category = ? and p.registered_at >= ? and p.status <> 'REJECTED'
                  and not exists (select 1 from rectification_group_problem g where g.problem_id = p.id)
                order by p.registered_at, p.id""",
                (rs, n) -> new Recurring(rs.getLong("id"), rs.getString("number"), rs.getString("description")),
                departmentId, category, timestamp(since));
    }

    /**
     * Enters an open proposal, unless the pair has one already — also one that a concurrent registration has entered
     * a moment ago, whose commit the insert waits for. The insert runs in a savepoint, so that a refused one leaves
     * the caller's transaction (the registration's) usable; PostgreSQL would otherwise abort it.
     *
     * @return the new proposal's id, or empty when the pair has an open proposal
     */
    public Optional<Long> propose(String departmentId, String category, int problemCount, Date windowStart) {
        try {
            return Optional.of(savepoint.execute(status -> insert(departmentId, category, problemCount, windowStart)));
        } catch (DuplicateKeyException openAlready) {
            return Optional.empty();
        }
    }

    private long insert(String departmentId, String category, int problemCount, Date windowStart) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into rectification_group_proposal (department_id, category, open_department_id, open_category,
                        problem_count, window_start, proposed_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, departmentId);
            ps.setString(2, category);
            ps.setString(3, departmentId);
            ps.setString(4, category);
            ps.setInt(5, problemCount);
            ps.setTimestamp(6, timestamp(windowStart));
            ps.setTimestamp(7, now());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void link(long proposalId, long problemId) {
        jdbc.update("insert into rectification_group_problem (proposal_id, problem_id, added_at) values (?, ?, ?)",
                proposalId, problemId, now());
    }

    public void attachProcess(long proposalId, String processInstanceId) {
        jdbc.update("update rectification_group_proposal set process_instance_id = ? where id = ?", processInstanceId, proposalId);
    }

    public void accept(long proposalId, String by, String leader, String members, String goal, Date deadline) {
        decide(proposalId, Status.ACCEPTED, by, """
                group_leader = ?, members = ?, goal = ?, group_deadline = ?""", leader, members, goal, timestamp(deadline));
    }

    public void decline(long proposalId, String by, String reason) {
        decide(proposalId, Status.DECLINED, by, "decline_reason = ?", reason);
    }

    /** The problems behind the proposal, oldest first. */
    public List<Long> problemIds(long proposalId) {
        return jdbc.queryForList("""
                select g.problem_id from rectification_group_problem g join problem p on p.id = g.problem_id
                where g.proposal_id = ? order by p.registered_at, p.id""", Long.class, proposalId);
    }

    public Optional<Proposal> find(long proposalId) {
        return jdbc.query(SELECT + " where r.id = ?", this::proposal, proposalId).stream().findFirst();
    }

    /** Every proposal, newest first. */
    public List<Proposal> list() {
        return jdbc.query(SELECT + " order by r.proposed_at desc, r.id desc", this::proposal);
    }

    private static final String SELECT = """
            select r.*, d.name department_name from rectification_group_proposal r
            left join department d on d.id = r.department_id""";

    private void decide(long proposalId, Status status, String by, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        args[0] = status.name();
        args[1] = by;
        args[2] = now();
        System.arraycopy(values, 0, args, 3, values.length);
        args[args.length - 1] = proposalId;
        if (jdbc.update("""
                update rectification_group_proposal set decision = ?, decided_by = ?, decided_at = ?,
                    open_department_id = null, open_category = null, """ + assignments + " where id = ? and decision is null",
                args) != 1) {
            throw new IllegalStateException("no open rectification group proposal " + proposalId);
        }
    }

    private Proposal proposal(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String category = rs.getString("category");
        Map<String, String> categories = forms.options("register-problem", "category");
        String decision = rs.getString("decision");
        List<String> numbers = jdbc.queryForList("""
                select p.number from rectification_group_problem g join problem p on p.id = g.problem_id
                where g.proposal_id = ? order by p.registered_at, p.id""", String.class, id);
        return new Proposal(id, rs.getString("department_id"), rs.getString("department_name"), category,
                categories.getOrDefault(category, category), numbers, date(rs, "proposed_at"),
                decision == null ? Status.OPEN : Status.valueOf(decision), rs.getString("decided_by"), date(rs, "decided_at"),
                rs.getString("group_leader"), rs.getString("members"), rs.getString("goal"), date(rs, "group_deadline"),
                rs.getString("decline_reason"));
    }
}
