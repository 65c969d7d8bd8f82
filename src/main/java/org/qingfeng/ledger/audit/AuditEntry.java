package org.qingfeng.ledger.audit;

import java.time.LocalDateTime;

/**
 * One line of the audit trail.
 *
 * @param seq        position in the one chain of the whole ledger, 1, 2, 3, … without gaps
 * @param recordedAt when, by the engine clock, as the ledger's other timestamps are kept
 * @param actor      the logged-in user whose request made the change, or {@code system} (timers, jobs, start-up)
 * @param problemId  the problem concerned, if one is
 * @param kind       {@code EVENT} (a timeline entry), {@code CHANGE} (ledger columns set) or {@code ACCESS} (personal data read)
 * @param operation  the event type, the ledger operation or what was read
 * @param activityId the process element, when a process step made it
 * @param eventId    the timeline entry ({@code problem_event.id}) of an {@code EVENT}
 * @param detail     what was decided or set, as JSON
 * @param prevHash   hash of the entry before
 * @param entryHash  SHA-256 over this entry's content and {@code prevHash}
 */
public record AuditEntry(long seq, LocalDateTime recordedAt, String actor, Long problemId, String kind, String operation,
        String activityId, Long eventId, String detail, String prevHash, String entryHash) {
}
