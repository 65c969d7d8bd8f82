package org.qingfeng.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over its canonical content and the hash of the entry before it. Each field
 * is written as its length in UTF-16 units, a colon and the field, or as "-" for null, so no two different entries
 * share a canonical form.
 */
public final class AuditHash {

    /** The hash the first entry of the chain follows. */
    public static final String GENESIS = "0".repeat(64);

    /** Recorded times enter the hash to the millisecond, as the database keeps them. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private AuditHash() {
    }

    public static String of(long seq, LocalDateTime recordedAt, String actor, Long problemId, String kind, String operation,
            String activityId, Long eventId, String detail, String prevHash) {
        StringBuilder canonical = new StringBuilder("qingfeng-audit-v1");
        for (String field : new String[] {Long.toString(seq), TIME.format(recordedAt), actor, str(problemId), kind, operation,
                activityId, str(eventId), detail, prevHash}) {
            canonical.append('|');
            if (field == null) {
                canonical.append('-');
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Long value) {
        return value == null ? null : value.toString();
    }
}
