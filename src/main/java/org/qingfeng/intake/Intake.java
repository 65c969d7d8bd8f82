package org.qingfeng.intake;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.rectification.ProblemLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for every report, whatever the channel. In one transaction it claims the request's idempotency key
 * (and the channel's external reference), starts the problem lifecycle with the fields of the Tasklist start form
 * — so the start listener enters the ledger row as for any report — and stores the attachments, the sealed contact
 * and the hashed query code against the problem. It returns after the commit; the tracking number is the ledger
 * number. A repeated request finds the problem of the first and starts nothing.
 */
@Service
public class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    /** How long a repeated request waits for the first one, still in flight, to commit. */
    private static final long WAIT_FOR_FIRST_MILLIS = 15_000;

    private final IntakeRules rules;
    private final IntakeRecords records;
    private final ContactCipher cipher;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final WorkingDayCalendar calendar;
    private final BusinessClock clock;
    private final IntakeSettings settings;
    private final QueryCodes codes;

    public Intake(IntakeRules rules, IntakeRecords records, ContactCipher cipher, RuntimeService runtime,
            TransactionTemplate transaction, WorkingDayCalendar calendar, BusinessClock clock, IntakeSettings settings,
            QueryCodes codes) {
        this.codes = codes;
        this.rules = rules;
        this.records = records;
        this.cipher = cipher;
        this.runtime = runtime;
        this.transaction = transaction;
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What the reporter is told. {@code queryCode} only on the request that created the problem; it is never shown
     * again. {@code created} false: a repeated request, answered with the first one's problem.
     */
    public record Receipt(String trackingNumber, String queryCode, OffsetDateTime receivedAt, LocalDate replyDueBy,
            boolean created) {
    }

    /**
     * Receives a report.
     *
     * @param staff whether a staff member enters it (channel and reporter type chosen, contact optional) or the public
     * @throws IntakeRejection 400, 413 or 415 before anything is written; 409 when the idempotency key was used for
     *                         other content
     */
    public Receipt receive(Submission submission, boolean staff) {
        IntakeRules.Checked checked = rules.check(submission, staff);
        String fingerprint = fingerprint(submission);
        // No look-up first: the claim of the key (or external reference) is the transaction's first statement, and a
        // repeated request fails there on the unique index, before anything else is done, and is answered below.
        String queryCode = QueryCodes.newCode();
        String queryCodeHash = codes.hash(queryCode);
        for (int attempt = 1; ; attempt++) {
            try {
                Receipt receipt = transaction.execute(tx -> create(submission, checked, fingerprint, queryCode, queryCodeHash));
                LOG.info("report received number={} channel={} attachments={}", receipt.trackingNumber(), submission.channel(),
                        checked.files().size());
                return receipt;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                // the same request was received before, or is being received by another thread or node: answer with
                // its problem
                Optional<Receipt> first = awaitFirst(submission, fingerprint);
                if (first.isPresent()) {
                    return first.get();
                }
                if (attempt == 3) {
                    throw IntakeRejection.of(HttpStatus.CONFLICT, null, "相同的反映正在处理中，请稍后重试");
                }
            }
        }
    }

    private Receipt create(Submission s, IntakeRules.Checked checked, String fingerprint, String queryCode, String queryCodeHash) {
        Date now = ClockUtil.getCurrentTime();
        long requestId = records.claim(s.idempotencyKey(), s.channel(), s.externalReference(), fingerprint, s.anonymous(),
                s.receivedBy(), now);
        // The report's facts go to the ledger row through the start listener. Only what the tasks' forms show and the
        // steps read stays a process variable (the description; the listener adds the problem's id and number); the
        // rest is handed over as transient variables, so the instance and its history do not keep copies of them.
        VariableMap variables = Variables.createVariables()
                .putValue(PROBLEM_DESCRIPTION, s.description().strip())
                .putValueTyped(CHANNEL, Variables.stringValue(s.channel(), true))
                .putValueTyped(REPORTER_TYPE, Variables.stringValue(s.reporterType(), true));
        if (s.place() != null && !s.place().isBlank()) {
            variables.putValueTyped(PLACE, Variables.stringValue(s.place().strip(), true));
        }
        if (checked.departmentName() != null) {
            variables.putValueTyped(DEPARTMENT_HINT, Variables.stringValue(checked.departmentName(), true));
        }
        if (s.receivedBy() != null) {
            variables.putValueTyped(REPORTED_BY, Variables.stringValue(s.receivedBy(), true));
        }
        if (s.reportedAt() != null) {
            variables.putValueTyped(REPORTED_AT, Variables.dateValue(s.reportedAt(), true));
        }
        ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        long problemId = ((Number) instance.getVariables().get(PROBLEM_ID)).longValue();
        String number = instance.getBusinessKey();
        Contact contact = s.contact() == null || s.contact().isEmpty() ? null : s.contact();
        records.complete(requestId, problemId, queryCodeHash, cipher.sealQueryCode(queryCode, requestId),
                contact == null ? null : cipher.seal(contact, problemId),
                contact == null ? null : masked(contact));
        for (int i = 0; i < checked.files().size(); i++) {
            IntakeRules.CheckedFile file = checked.files().get(i);
            records.storeAttachment(problemId, i + 1, number + "-" + (i + 1) + "." + file.type().extension(),
                    file.type().contentType(), file.content(), sha256Hex(file.content()));
        }
        return new Receipt(number, queryCode, offset(now), replyDueBy(now), true);
    }

    /**
     * The receipt of an earlier request for the same report. A retry with the same idempotency key is the client whose
     * first answer may have been lost, so it is told the query code again; a repeated external reference only learns
     * the tracking number.
     */
    private Optional<Receipt> earlier(Submission s, String fingerprint) {
        Optional<IntakeRecords.Received> byKey = s.idempotencyKey() != null ? records.byIdempotencyKey(s.idempotencyKey())
                : Optional.empty();
        if (byKey.isPresent() && !byKey.get().fingerprint().equals(fingerprint)) {
            throw IntakeRejection.of(HttpStatus.CONFLICT, "Idempotency-Key", "该 Idempotency-Key 已用于另一份内容不同的反映");
        }
        Optional<Receipt> retried = byKey.filter(r -> r.number() != null).map(r -> new Receipt(r.number(),
                r.queryCodeSealed() == null ? null : cipher.openQueryCode(r.queryCodeSealed(), r.id()),
                offset(r.receivedAt()), replyDueBy(r.receivedAt()), false));
        if (retried.isPresent() || byKey.isPresent() || s.externalReference() == null) {
            return retried;
        }
        return records.byExternalReference(s.channel(), s.externalReference()).filter(r -> r.number() != null)
                .map(r -> new Receipt(r.number(), null, offset(r.receivedAt()), replyDueBy(r.receivedAt()), false));
    }

    private Optional<Receipt> awaitFirst(Submission s, String fingerprint) {
        long until = System.currentTimeMillis() + WAIT_FOR_FIRST_MILLIS;
        while (true) {
            Optional<Receipt> first = earlier(s, fingerprint);
            if (first.isPresent() || System.currentTimeMillis() > until) {
                return first;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** 限时答复: the end of the reply period counted in working days from the day of receipt. */
    public LocalDate replyDueBy(Date receivedAt) {
        return calendar.plusWorkingDays(receivedAt.toInstant().atZone(clock.zone()).toLocalDate(), settings.replyWithinWorkingDays());
    }

    private OffsetDateTime offset(Date instant) {
        return instant.toInstant().atZone(clock.zone()).toOffsetDateTime();
    }

    /** The masked contact, one line per field (name, phone, email), empty where absent; see {@link #readMasked}. */
    private static String masked(Contact contact) {
        Contact m = contact.masked();
        return String.join("\n", m.name() == null ? "" : m.name(), m.phone() == null ? "" : m.phone(),
                m.email() == null ? "" : m.email());
    }

    /** The masked contact as stored by {@link #masked}. */
    static Contact readMasked(String stored) {
        if (stored == null) {
            return null;
        }
        String[] lines = stored.split("\n", -1);
        return new Contact(lines[0], lines.length > 1 ? lines[1] : null, lines.length > 2 ? lines[2] : null);
    }

    /** The request's content, so a key reused for something else is told apart from a retry. */
    private static String fingerprint(Submission s) {
        MessageDigest digest = sha256();
        for (String part : new String[] {s.channel(), s.reporterType(), s.description(), s.place(), s.departmentId(),
                s.externalReference(), Boolean.toString(s.anonymous()), s.receivedBy()}) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        for (byte[] file : s.attachments()) {
            digest.update(sha256().digest(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
