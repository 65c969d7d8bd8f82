package org.qingfeng.ledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail (审计日志): one hash chain over every ledger change, timeline entry and read of personal data.
 *
 * <p>Who: the user the engine knows as authenticated in this thread (the webapps, /engine-rest and /api all tell it),
 * or {@code system} when nobody is (timers and other jobs, start-up). When: the engine clock.
 *
 * <p>Entries are collected for the running transaction and chained in its last moment (before commit): the writer
 * locks the chain's head row, numbers its entries after the head, inserts them and moves the head. Holding that lock
 * it waits for no other lock, so writers on any number of nodes queue at the head but never deadlock; a rolled-back
 * transaction leaves no entry. Outside a transaction an entry is chained at once in a transaction of its own.
 */
@Component
public class AuditTrail {

    /** Who acts when no user does. */
    public static final String SYSTEM = "system";

    public static final String EVENT = "EVENT";
    public static final String CHANGE = "CHANGE";
    public static final String ACCESS = "ACCESS";

    /** The detail column's size; longer details (long free text) are cut, the cut text is what the hash covers. */
    private static final int MAX_DETAIL = 20000;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<IdentityService> identity;
    private final TransactionTemplate ownTransaction;

    public AuditTrail(JdbcTemplate jdbc, ObjectProvider<IdentityService> identity, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /** A timeline entry was written ({@code problem_event.id = eventId}). */
    public void event(long problemId, String type, String activityId, long eventId, String detail) {
        append(problemId, EVENT, type, activityId, eventId, detail);
    }

    /** Ledger columns of a problem were set; {@code detail} names them with their new values. */
    public void change(long problemId, String operation, String detail) {
        append(problemId, CHANGE, operation, null, null, detail);
    }

    /** Someone read personal data of a problem's reporter (e.g. contact data); {@code what} says which and why. */
    public void access(long problemId, String what, String detail) {
        append(problemId, ACCESS, what, null, null, detail);
    }

    /** The user id the trail records for this thread: the authenticated user, or {@link #SYSTEM}. */
    public String currentActor() {
        IdentityService ids = identity.getIfAvailable();
        Authentication auth = ids == null ? null : ids.getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? SYSTEM : auth.getUserId();
    }

    private void append(Long problemId, String kind, String operation, String activityId, Long eventId, String text) {
        String detail = text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
        Pending entry = new Pending(LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault())
                .truncatedTo(ChronoUnit.MILLIS), currentActor(), problemId, kind, operation, activityId, eventId, detail);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.add(entry);
        } else {
            ownTransaction.executeWithoutResult(status -> chain(List.of(entry)));
        }
    }

    /** Numbers and chains entries after the head, holding the head's row lock until the transaction ends. */
    private void chain(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1 for update",
                (rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")));
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending e : entries) {
            seq++;
            String hash = AuditHash.of(seq, e.recordedAt(), e.actor(), e.problemId(), e.kind(), e.operation(), e.activityId(),
                    e.eventId(), e.detail(), prev);
            rows.add(new Object[] {seq, e.recordedAt(), e.actor(), e.problemId(), e.kind(), e.operation(), e.activityId(),
                    e.eventId(), e.detail(), prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate("""
                insert into audit_entry (seq, recorded_at, actor, problem_id, kind, operation, activity_id, event_id, detail,
                    prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
    }

    /** The trail of one problem, oldest first. */
    public List<AuditEntry> ofProblem(long problemId) {
        return jdbc.query("select * from audit_entry where problem_id = ? order by seq", AuditTrail::toEntry, problemId);
    }

    static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", LocalDateTime.class), rs.getString("actor"),
                rs.getObject("problem_id", Long.class), rs.getString("kind"), rs.getString("operation"),
                rs.getString("activity_id"), rs.getObject("event_id", Long.class), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private record Head(long seq, String hash) {
    }

    private record Pending(LocalDateTime recordedAt, String actor, Long problemId, String kind, String operation,
            String activityId, Long eventId, String detail) {
    }

    /** The entries of one transaction, chained just before it commits. */
    private final class Batch implements TransactionSynchronization {

        private final List<Pending> entries = new ArrayList<>();
        private boolean chained;

        void add(Pending entry) {
            if (chained) {
                // written by a synchronization that ran after ours: chain it at once, still in this transaction
                chain(List.of(entry));
            } else {
                entries.add(entry);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(AuditTrail.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(AuditTrail.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            chain(entries);
            entries.clear();
            chained = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }
    }
}
