package org.qingfeng.ledger;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.now;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.audit.AuditDetail;
import org.qingfeng.ledger.audit.AuditTrail;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger tables. Every method joins the caller's transaction, which for process steps is the engine's own,
 * so a rolled-back step leaves no trace here. Every write is also an entry of the {@link AuditTrail}: the columns it
 * set, or the timeline entry it added, with the user behind it.
 */
@Repository
public class ProblemLedger {

    /** Ledger numbers are ZF-&lt;year&gt;-&lt;6 digits&gt;. */
    public static final String NUMBER_FORMAT = "ZF-%d-%06d";

    private static final StackWalker CALLER = StackWalker.getInstance();

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    /** Whether the ledger is on PostgreSQL; asked of the database once. */
    private volatile Boolean postgres;
    /**
     * The statement entering a report, by year: its number comes from the year's sequence, which exists once the
     * statement is here.
     */
    private final Map<Integer, String> insertSql = new ConcurrentHashMap<>();

    public ProblemLedger(JdbcTemplate jdbc, BusinessClock clock, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
        this.audit = audit;
        this.ownTransaction = transactions == null ? null : new TransactionTemplate(transactions);
        if (ownTransaction != null) {
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) con -> con.getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }

    /**
     * SQL for the year's next ledger number, from the year's database sequence ({@code ledger_number_<year>}), to be
     * inserted with the row; its one parameter is the number's prefix ({@link #numberPrefix}). A sequence is outside
     * every transaction: concurrent reports never wait for each other's commit to be numbered, on any node. Numbers
     * are unique and increasing; a report whose transaction fails leaves its number unused, and the ledger never
     * hands it out again (on PostgreSQL a crash of the database server can skip up to 32 numbers as well, as its
     * sequences log ahead). Six digits at least, as {@link #NUMBER_FORMAT}.
     */
    private String nextNumberSql(int year) {
        String sequence = numberSequence(year);
        return postgres()
                ? "(select ? || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval('" + sequence + "') as n) s)"
                : "(select ? || lpad(cast(n as varchar), greatest(6, length(cast(n as varchar))), '0') from (select next value for "
                        + sequence + " as n) s)";
    }

    private static String numberPrefix(int year) {
        return "ZF-" + year + "-";
    }

    /**
     * The name of the year's numbering sequence, created at the year's first number on any node (and looked for once
     * per year on each node, when its insert statement is made). It starts after the
     * year's counter in {@code ledger_sequence}, where numbers were counted before the sequences, and which also
     * says which years the ledger numbers.
     */
    private String numberSequence(int year) {
        String name = "ledger_number_" + year;
        for (int attempt = 1; ; attempt++) {
            try {
                Runnable create = () -> {
                    List<Integer> last = jdbc.queryForList("select last_value from ledger_sequence where ledger_year = ?",
                            Integer.class, year);
                    if (last.isEmpty()) {
                        throw new IllegalStateException("no ledger numbering for year " + year);
                    }
                    jdbc.execute("create sequence if not exists " + name + " start with " + (last.get(0) + 1));
                };
                if (ownTransaction == null) {
                    create.run();
                } else {
                    ownTransaction.executeWithoutResult(tx -> create.run());
                }
                return name;
            } catch (DataIntegrityViolationException e) {
                // another node created it at the same moment (PostgreSQL's catalog refuses the second): it exists now
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public record Numbered(long id, String number) {
    }

    public record Event(Date occurredAt, EventType type, String actor, String activityId, String detail) {
    }

    public Numbered report(NewReport report) {
        return report(report, null);
    }

    /** Enters a report made by the process instance {@code processInstanceId} (null: not made by one). */
    public Numbered report(NewReport report, String processInstanceId) {
        int year = report.reportedAt().toInstant().atZone(zone).getYear();
        String insert = insertSql.computeIfAbsent(year, y -> """
                insert into problem (number, channel, reporter_type, external_origin, description, place,
                    department_hint, received_by, reported_at, status, stage, rebound_of, updated_at, process_instance_id)
                values (""" + nextNumberSql(y) + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(insert, new String[] {"id", "number"});
            ps.setString(1, numberPrefix(year));
            ps.setString(2, report.channel());
            ps.setString(3, report.reporterType());
            ps.setBoolean(4, report.externalOrigin());
            ps.setString(5, report.description());
            ps.setString(6, report.place());
            ps.setString(7, report.departmentHint());
            ps.setString(8, report.receivedBy());
            ps.setTimestamp(9, timestamp(report.reportedAt()));
            ps.setString(10, ProblemStatus.REPORTED.name());
            ps.setString(11, Stage.REGISTRATION.name());
            ps.setObject(12, report.reboundOf());
            ps.setTimestamp(13, now());
            ps.setString(14, processInstanceId);
            return ps;
        }, key);
        Map<String, Object> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.putAll(key.getKeys());
        long id = ((Number) keys.get("id")).longValue();
        String number = (String) keys.get("number");
        rememberReported(id);
        audit.change(id, "REPORT", AuditDetail.of("number", number, "channel", report.channel(),
                "reporter_type", report.reporterType(), "external_origin", report.externalOrigin(),
                "department_hint", report.departmentHint(), "received_by", report.receivedBy(),
                "reported_at", report.reportedAt(), "rebound_of", report.reboundOf(),
                "process_instance_id", processInstanceId));
        record(id, EventType.REPORTED, report.receivedBy(), null, report.channel());
        return new Numbered(id, number);
    }

    /** Problems entered by the running transaction (at {@link Stage#REGISTRATION}): its resource under this key. */
    private final Object reportedKey = new Object();

    private void rememberReported(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> reported = (Set<Long>) TransactionSynchronizationManager.getResource(reportedKey);
        if (reported == null) {
            Set<Long> created = new HashSet<>();
            TransactionSynchronizationManager.bindResource(reportedKey, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(reportedKey);
                }
            });
            reported = created;
        }
        reported.add(id);
    }

    private boolean reportedInThisTransaction(long id) {
        return TransactionSynchronizationManager.getResource(reportedKey) instanceof Set<?> reported && reported.contains(id);
    }

    public void register(long id, String category, String severity, String departmentId, String responsiblePerson,
            Date claimDeadline, Date deadline) {
        set(id, """
                status = ?, category = ?, severity = ?, department_id = ?, responsible_person = ?, registered_at = ?,
                claim_deadline = ?, deadline = ?, rectification_round = 1""",
                ProblemStatus.REGISTERED.name(), category, severity, departmentId, responsiblePerson, now(),
                timestamp(claimDeadline), timestamp(deadline));
    }

    public void reject(long id, String reason) {
        set(id, "status = ?, stage = ?, rejection_reason = ?",
                ProblemStatus.REJECTED.name(), Stage.FINISHED.name(), reason);
    }

    /**
     * 合并重复件: the report is finished as a duplicate of {@code targetId} and takes the target's department, so
     * the ledger shows where it went; it is never registered, so it has no deadline and counts in no rate.
     */
    public void merge(long id, long targetId, String departmentId) {
        set(id, "status = ?, stage = ?, merged_into = ?, department_id = ?",
                ProblemStatus.MERGED.name(), Stage.FINISHED.name(), targetId, departmentId);
    }

    /** The problem, its row locked until the transaction ends, so that no other step changes its status meanwhile. */
    public Optional<ProblemRecord> lockByNumber(String number) {
        return jdbc.query("select * from problem where number = ? for update", this::toRecord, number).stream().findFirst();
    }

    /** Numbers of the duplicate reports merged into a problem, oldest first. */
    public List<String> mergedReports(long id) {
        return jdbc.queryForList("select number from problem where merged_into = ? order by id", String.class, id);
    }

    /**
     * The problem that carries on for {@code number}: the problem itself, or, for a merged duplicate, the problem
     * it was merged into (followed through further merges). Empty when no problem has that number.
     */
    public Optional<ProblemRecord> survivor(String number) {
        Optional<ProblemRecord> problem = findByNumber(number);
        // a merge chain is short; the bound only guards against a cycle two concurrent merges could leave
        for (int hops = 0; hops < 20 && problem.isPresent() && problem.get().mergedInto() != null; hops++) {
            problem = find(problem.get().mergedInto());
        }
        return problem;
    }

    /**
     * The problem's open task is now one of {@code stage}. Entering the stage it is already in changes nothing and
     * leaves no audit entry: a new report is entered at {@link Stage#REGISTRATION} and its registration task follows
     * (in the same transaction, where it is known without asking the database).
     */
    public void enterStage(long id, Stage stage) {
        if (stage == Stage.REGISTRATION && reportedInThisTransaction(id)) {
            return;
        }
        if (jdbc.update("update problem set updated_at = ?, stage = ? where id = ? and stage <> ?", now(), stage.name(), id,
                stage.name()) == 1) {
            audit.change(id, "ENTER_STAGE", AuditDetail.of("stage", stage.name()));
        }
    }

    public void assignDepartment(long id, String departmentId, Date claimDeadline) {
        set(id, "department_id = ?, claim_deadline = ?", departmentId, timestamp(claimDeadline));
    }

    public void extendDeadline(long id, Date deadline) {
        set(id, "deadline = ?, extension_count = extension_count + 1", timestamp(deadline));
    }

    public void setDeadline(long id, Date deadline) {
        set(id, "deadline = ?", timestamp(deadline));
    }

    public void setClaimDeadline(long id, Date claimDeadline) {
        set(id, "claim_deadline = ?", timestamp(claimDeadline));
    }

    /** A registered problem with a deadline still ahead, as a change of the working-day calendar looks for them. */
    public record RunningDeadline(long id, String number, String processInstanceId, Stage stage, Date claimDeadline,
            Date deadline) {
    }

    /** Registered problems in one of {@code stages} whose claim or rectification deadline lies after {@code after}. */
    public List<RunningDeadline> runningDeadlines(Date after, Collection<Stage> stages) {
        if (stages.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(ProblemStatus.REGISTERED.name());
        stages.forEach(s -> args.add(s.name()));
        args.add(timestamp(after));
        args.add(timestamp(after));
        return jdbc.query("""
                select id, number, process_instance_id, stage, claim_deadline, deadline from problem
                where status = ? and process_instance_id is not null and stage in (%s)
                  and (deadline > ? or claim_deadline > ?)
                order by id""".formatted(String.join(", ", Collections.nCopies(stages.size(), "?"))),
                (rs, row) -> new RunningDeadline(rs.getLong("id"), rs.getString("number"), rs.getString("process_instance_id"),
                        Stage.valueOf(rs.getString("stage")), date(rs, "claim_deadline"), date(rs, "deadline")),
                args.toArray());
    }

    public void countReminder(long id) {
        set(id, "reminder_count = reminder_count + 1");
    }

    /** Raises the warning colour; a lower colour than the current one changes nothing. */
    public void raiseWarning(long id, WarningColour colour) {
        if (jdbc.update("""
                update problem set warning_colour = ?, updated_at = ? where id = ?
                    and (warning_colour = 'NONE' or (warning_colour = 'YELLOW' and ? = 'RED'))""",
                colour.name(), now(), id, colour.name()) == 1) {
            audit.change(id, "RAISE_WARNING", AuditDetail.of("warning_colour", colour.name()));
        }
    }

    public void escalate(long id, int level) {
        set(id, "escalation_level = ?", level);
    }

    public void reopen(long id, Date deadline) {
        set(id, "deadline = ?, rectification_round = rectification_round + 1", timestamp(deadline));
    }

    public void close(long id, String officialReply, Date closedAt, boolean onTime) {
        set(id, "status = ?, official_reply = ?, closed_at = ?, closed_on_time = ?",
                ProblemStatus.CLOSED.name(), officialReply, timestamp(closedAt), onTime);
    }

    public void finish(long id, ProblemStatus status) {
        set(id, "status = ?, stage = ?", status.name(), Stage.FINISHED.name());
    }

    public void record(long id, EventType type, String actor, String activityId, String detail) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "insert into problem_event (problem_id, occurred_at, type, actor, activity_id, detail) values (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, id);
            ps.setTimestamp(2, now());
            ps.setString(3, type.name());
            ps.setString(4, actor);
            ps.setString(5, activityId);
            ps.setString(6, detail);
            return ps;
        }, key);
        audit.event(id, type.name(), activityId, key.getKey().longValue(), AuditDetail.of("actor", actor, "detail", detail));
    }

    public Optional<ProblemRecord> find(long id) {
        return jdbc.query("select * from problem where id = ?", this::toRecord, id).stream().findFirst();
    }

    public Optional<ProblemRecord> findByNumber(String number) {
        return jdbc.query("select * from problem where number = ?", this::toRecord, number).stream().findFirst();
    }

    /** The problem opened when this one rebounded (反弹), if it has. */
    public Optional<ProblemRecord> reboundSuccessor(long id) {
        return jdbc.query("select * from problem where rebound_of = ? order by id", this::toRecord, id).stream().findFirst();
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from problem", Long.class);
    }

    public List<Event> events(long id) {
        return jdbc.query("select * from problem_event where problem_id = ? order by occurred_at, id", this::toEvent, id);
    }

    public List<Event> events(String number) {
        return jdbc.query("""
                select e.* from problem_event e join problem p on p.id = e.problem_id
                where p.number = ? order by e.occurred_at, e.id""", this::toEvent, number);
    }

    private Event toEvent(ResultSet rs, int row) throws SQLException {
        return new Event(date(rs, "occurred_at"), EventType.valueOf(rs.getString("type")),
                rs.getString("actor"), rs.getString("activity_id"), rs.getString("detail"));
    }

    private ProblemRecord toRecord(ResultSet rs, int row) throws SQLException {
        return new ProblemRecord(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("process_instance_id"),
                ProblemStatus.valueOf(rs.getString("status")),
                Stage.valueOf(rs.getString("stage")),
                rs.getString("category"),
                rs.getString("severity"),
                rs.getString("department_id"),
                date(rs, "deadline"),
                WarningColour.valueOf(rs.getString("warning_colour")),
                rs.getInt("reminder_count"),
                rs.getInt("extension_count"),
                rs.getInt("escalation_level"),
                rs.getInt("rectification_round"),
                date(rs, "closed_at"),
                (Boolean) rs.getObject("closed_on_time"),
                (Long) rs.getObject("rebound_of", Long.class),
                (Long) rs.getObject("merged_into", Long.class),
                rs.getBoolean("external_origin"));
    }

    /**
     * Sets columns of one problem and its last-change time; the problem must exist. The audit trail gets the calling
     * method's name as the operation (register → REGISTER) and each column with its new value, or with its expression
     * ("extension_count + 1") where it is computed; so a new ledger operation is audited without further code.
     */
    private void set(long id, String assignments, Object... args) {
        String operation = CALLER.walk(frames -> frames.skip(1).findFirst().map(StackWalker.StackFrame::getMethodName)
                .orElse("set")).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        Object[] all = new Object[args.length + 2];
        all[0] = now();
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = id;
        if (jdbc.update("update problem set updated_at = ?, " + assignments + " where id = ?", all) != 1) {
            throw new IllegalStateException("no ledger entry " + id);
        }
        List<Object> detail = new ArrayList<>();
        int arg = 0;
        for (String assignment : assignments.split(",")) {
            String[] sides = assignment.split("=", 2);
            String expression = sides[1].trim();
            detail.add(sides[0].trim());
            detail.add("?".equals(expression) ? args[arg++] : expression);
        }
        audit.change(id, operation, AuditDetail.of(detail.toArray()));
    }
}
