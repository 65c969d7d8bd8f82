package org.qingfeng.intake;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The intake's tables: one row per received report, its attachments. Joins the caller's transaction. */
@Repository
public class IntakeRecords {

    private final JdbcTemplate jdbc;

    public IntakeRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A received report as stored, with the number of its problem. */
    public record Received(long id, String idempotencyKey, String channel, String externalReference, String fingerprint,
            Long problemId, String number, boolean anonymous, String receivedBy, Date receivedAt, String queryCodeHash,
            String queryCodeSealed, String contactSealed, String contactMasked) {
    }

    /** An attachment without its content. */
    public record Attachment(long id, long problemId, String fileName, String contentType, long size, String sha256) {
    }

    /**
     * Claims the idempotency key and the channel's external reference: the first of two concurrent requests inserts,
     * the second waits for it and then fails with a duplicate key.
     */
    long claim(String idempotencyKey, String channel, String externalReference, String fingerprint, boolean anonymous,
            String receivedBy, Date receivedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into intake_report (idempotency_key, channel, external_reference, fingerprint, anonymous,
                        received_by, received_at) values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, idempotencyKey);
            ps.setString(2, channel);
            ps.setString(3, externalReference);
            ps.setString(4, fingerprint);
            ps.setBoolean(5, anonymous);
            ps.setString(6, receivedBy);
            ps.setTimestamp(7, timestamp(receivedAt));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void complete(long id, long problemId, String queryCodeHash, String queryCodeSealed, String contactSealed,
            String contactMasked) {
        jdbc.update("""
                update intake_report set problem_id = ?, query_code_hash = ?, query_code_sealed = ?, contact_sealed = ?,
                    contact_masked = ? where id = ?""",
                problemId, queryCodeHash, queryCodeSealed, contactSealed, contactMasked, id);
    }

    private static final String SELECT = """
            select r.*, p.number from intake_report r left join problem p on p.id = r.problem_id""";

    Optional<Received> byIdempotencyKey(String key) {
        return jdbc.query(SELECT + " where r.idempotency_key = ?", IntakeRecords::received, key).stream().findFirst();
    }

    Optional<Received> byExternalReference(String channel, String reference) {
        return jdbc.query(SELECT + " where r.channel = ? and r.external_reference = ?", IntakeRecords::received, channel, reference)
                .stream().findFirst();
    }

    public Optional<Received> byNumber(String number) {
        return jdbc.query(SELECT + " where p.number = ?", IntakeRecords::received, number).stream().findFirst();
    }

    private static Received received(ResultSet rs, int row) throws SQLException {
        return new Received(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("channel"),
                rs.getString("external_reference"), rs.getString("fingerprint"), (Long) rs.getObject("problem_id", Long.class),
                rs.getString("number"), rs.getBoolean("anonymous"), rs.getString("received_by"), date(rs, "received_at"),
                rs.getString("query_code_hash"), rs.getString("query_code_sealed"), rs.getString("contact_sealed"),
                rs.getString("contact_masked"));
    }

    void storeAttachment(long problemId, int seqNo, String fileName, String contentType, byte[] content, String sha256) {
        jdbc.update("""
                insert into intake_attachment (problem_id, seq_no, file_name, content_type, size_bytes, sha256, content)
                values (?, ?, ?, ?, ?, ?, ?)""", problemId, seqNo, fileName, contentType, (long) content.length, sha256, content);
    }

    public List<Attachment> attachments(long problemId) {
        return jdbc.query("""
                select id, problem_id, file_name, content_type, size_bytes, sha256 from intake_attachment
                where problem_id = ? order by seq_no""", IntakeRecords::attachment, problemId);
    }

    public Optional<Attachment> attachment(long id) {
        return jdbc.query("select id, problem_id, file_name, content_type, size_bytes, sha256 from intake_attachment where id = ?",
                IntakeRecords::attachment, id).stream().findFirst();
    }

    public byte[] content(long attachmentId) {
        return jdbc.queryForObject("select content from intake_attachment where id = ?", (rs, row) -> rs.getBytes(1), attachmentId);
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"));
    }
}
