package org.qingfeng.ledger.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail (审计日志): one hash chain over every ledger change, timeline entry and read of personal data.
 *
 * <p>Who: the user the engine knows as authenticated in this thread (the webapps, /engine-rest and /api all tell it),
 * or {@code system} when nobody is (timers and other jobs, start-up). When: the engine clock.
 *
 * <p>Entries are collected for the running transaction and written in its last moment (before commit) to
 * {@code audit_pending}, with no lock but the transaction's own rows; a rolled-back transaction leaves none. After the
 * commit the sealer ({@link #seal}) moves waiting entries into the chain: holding the head's row lock in a short
 * transaction of its own, it numbers them after the head in the order it finds them, hashes each over the one before,
 * inserts them into {@code audit_entry}, removes them from the waiting table and moves the head. So the chain no
 * longer makes every writer of every node queue through its commit; one sealer at a time extends it, in batches.
 * Entries wait for a moment after their commit (a sweep every few seconds picks up those of other nodes or of a crash);
 * reading a trail or verifying the chain seals first, so readers always see every committed entry chained.
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

    /** Entries chained per sealing transaction at most; more wait for the next round of the same seal. */
    private static final int SEAL_BATCH = 500;
    /** How often waiting entries are looked for without a commit of this node asking (other nodes, a crash). */
    private static final long SWEEP_SECONDS = 5;
    /** How long the sealer lets commits gather after the first asks, so that a busy moment is chained in one go. */
    private static final long GATHER_MILLIS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<IdentityService> identity;
    /** The engine's identity service once it exists (the trail is made before the engine). */
    private volatile IdentityService identityService;
    private final TransactionTemplate ownTransaction;
    private final ScheduledExecutorService sealer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-sealer");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether a seal is already queued on the sealer: commits in a burst ask once. */
    private final AtomicBoolean sealQueued = new AtomicBoolean();

    public AuditTrail(JdbcTemplate jdbc, ObjectProvider<IdentityService> identity, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PostConstruct
    void startSweeping() {
        sealer.scheduleWithFixedDelay(this::sealQuietly, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSealing() {
        sealer.shutdown();
        try {
            if (sealer.awaitTermination(10, TimeUnit.SECONDS)) {
                sealQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        IdentityService ids = identityService;
        if (ids == null) {
            // looked up once: resolving the bean on every entry cost more than writing it
            ids = identityService = identity.getIfAvailable();
        }
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
            ownTransaction.executeWithoutResult(status -> write(List.of(entry)));
            requestSeal();
        }
    }

    /** Writes entries to the waiting table, in the caller's transaction. */
    private void write(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into audit_pending (recorded_at, actor, problem_id, kind, operation, activity_id, event_id, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", entries.stream().map(e -> new Object[] {e.recordedAt(), e.actor(),
                e.problemId(), e.kind(), e.operation(), e.activityId(), e.eventId(), e.detail()}).toList());
    }

    /** Asks the sealer to chain what waits, soon and off the caller's thread. */
    private void requestSeal() {
        if (sealQueued.compareAndSet(false, true)) {
            try {
                sealer.schedule(() -> {
                    sealQueued.set(false);
                    sealQuietly();
                }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                sealQueued.set(false); // shutting down: the final seal or the next start chains them
            }
        }
    }

    private void sealQuietly() {
        try {
            seal();
        } catch (RuntimeException e) {
            LOG.warn("audit entries could not be chained yet, the next seal tries again: {}", e.toString());
        }
    }

    /**
     * Chains every committed waiting entry, in transactions of its own of up to {@value #SEAL_BATCH} entries each.
     *
     * @return how many entries it chained
     */
    public long seal() {
        // readers and the sweep call this all the time: with nothing waiting, take neither a transaction nor the lock
        if (jdbc.queryForList("select id from audit_pending fetch first 1 rows only", Long.class).isEmpty()) {
            return 0;
        }
        long sealed = 0;
        while (true) {
            Integer chained = ownTransaction.execute(status -> chainWaiting());
            sealed += chained;
            if (chained < SEAL_BATCH) {
                return sealed;
            }
        }
    }

    /** Numbers and chains waiting entries after the head, holding the head's row lock until the transaction ends. */
    private int chainWaiting() {
        Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1 for update",
                (rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")));
        List<Object[]> waiting = new ArrayList<>();
        jdbc.query("select * from audit_pending order by id fetch first " + SEAL_BATCH + " rows only", rs -> {
            waiting.add(new Object[] {rs.getLong("id"), rs.getObject("recorded_at", LocalDateTime.class), rs.getString("actor"),
                    rs.getObject("problem_id", Long.class), rs.getString("kind"), rs.getString("operation"),
                    rs.getString("activity_id"), rs.getObject("event_id", Long.class), rs.getString("detail")});
        });
        if (waiting.isEmpty()) {
            return 0;
        }
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> rows = new ArrayList<>(waiting.size());
        for (Object[] w : waiting) {
            seq++;
            String hash = AuditHash.of(seq, (LocalDateTime) w[1], (String) w[2], (Long) w[3], (String) w[4], (String) w[5],
                    (String) w[6], (Long) w[7], (String) w[8], prev);
            rows.add(new Object[] {seq, w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate("""
                insert into audit_entry (seq, recorded_at, actor, problem_id, kind, operation, activity_id, event_id, detail,
                    prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.batchUpdate("delete from audit_pending where id = ?", waiting.stream().map(w -> new Object[] {w[0]}).toList());
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
        return waiting.size();
    }

    /** The trail of one problem, oldest first; what waits is chained first. */
    public List<AuditEntry> ofProblem(long problemId) {
        seal();
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

    /** The entries of one transaction, written just before it commits and chained after. */
    private final class Batch implements TransactionSynchronization {

        private final List<Pending> entries = new ArrayList<>();
        private boolean written;

        void add(Pending entry) {
            if (written) {
                // written by a synchronization that ran after ours: write it at once, still in this transaction
                write(List.of(entry));
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
            write(entries);
            entries.clear();
            written = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            if (status == STATUS_COMMITTED) {
                requestSeal();
            }
        }
    }
}
