package org.qingfeng.ledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the audit chain from its first entry to the head and names the first entry that does not hold: a changed
 * entry no longer matches its hash, a removed one leaves a gap or a broken link, a removed tail falls short of the head.
 */
@Component
public class AuditVerification {

    /**
     * @param intact       every entry up to the head holds
     * @param entries      entries checked
     * @param headSeq      the last entry the head knows of
     * @param firstBroken  the first entry that does not hold (or, for a missing tail, the first missing one)
     * @param reason       what is wrong with it, in Chinese
     */
    public record Result(boolean intact, long entries, long headSeq, Long firstBroken, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AuditTrail trail;

    public AuditVerification(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Chains what waits, then checks the whole chain. */
    public Result verify() {
        trail.seal();
        return readOnly.execute(status -> check());
    }

    private Result check() {
        long headSeq;
        String headHash;
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        headSeq = ((Number) head.get("last_seq")).longValue();
        headHash = (String) head.get("last_hash");
        Walk walk = new Walk();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        streaming.query("select * from audit_entry where seq <= ? order by seq", walk, headSeq);
        if (walk.broken != null) {
            return new Result(false, walk.count, headSeq, walk.broken, walk.reason);
        }
        if (walk.lastSeq != headSeq || !walk.lastHash.equals(headHash)) {
            return new Result(false, walk.count, headSeq, walk.lastSeq + 1,
                    "链尾缺失：链头记录到第 " + headSeq + " 条，实际只连到第 " + walk.lastSeq + " 条");
        }
        return new Result(true, walk.count, headSeq, null, null);
    }

    private static final class Walk implements RowCallbackHandler {
        long count;
        long lastSeq;
        String lastHash = AuditHash.GENESIS;
        Long broken;
        String reason;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            AuditEntry e = AuditTrail.toEntry(rs, 0);
            count++;
            if (e.seq() != lastSeq + 1) {
                fail(lastSeq + 1, "缺少第 " + (lastSeq + 1) + " 条（下一条是第 " + e.seq() + " 条）");
            } else if (!e.prevHash().equals(lastHash)) {
                fail(e.seq(), "与前一条的链接不符（前一条被删除或改动）");
            } else if (!AuditHash.of(e.seq(), e.recordedAt(), e.actor(), e.problemId(), e.kind(), e.operation(),
                    e.activityId(), e.eventId(), e.detail(), e.prevHash()).equals(e.entryHash())) {
                fail(e.seq(), "内容与其哈希不符（记录被改动）");
            } else {
                lastSeq = e.seq();
                lastHash = e.entryHash();
            }
        }

        private void fail(long seq, String why) {
            broken = seq;
            reason = why;
        }
    }
}
