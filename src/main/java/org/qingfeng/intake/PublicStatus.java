package org.qingfeng.intake;

import static org.qingfeng.ledger.SqlTimes.date;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reporter may see of their report with its tracking number and query code: where it stands, the deadline,
 * the reply due date and the public replies — never internal notes, staff names or contact data — and their rating
 * once it is closed. An unknown number and a wrong code give the same answer.
 */
@Service
public class PublicStatus {

    /** Stage labels in the public's words. */
    private static final Map<Stage, String> STAGE_LABELS = Map.ofEntries(
            Map.entry(Stage.REGISTRATION, "已收到，待受理登记"),
            Map.entry(Stage.CLAIM, "已受理，责任科室签收中"),
            Map.entry(Stage.RETURN_REVIEW, "已受理，正在确定责任科室"),
            Map.entry(Stage.PLANNING, "正在制定整改方案"),
            Map.entry(Stage.RECTIFICATION, "正在整改"),
            Map.entry(Stage.EXTENSION_REVIEW, "正在整改"),
            Map.entry(Stage.VERIFICATION, "整改完成，正在核查"),
            Map.entry(Stage.EVALUATION, "正在开展满意度测评"),
            Map.entry(Stage.CLOSURE, "正在办结答复"),
            Map.entry(Stage.AWAITING_REVISIT, "已办结"),
            Map.entry(Stage.REVISIT, "已办结，正在整改回头看"),
            Map.entry(Stage.FINISHED, "已办结"));
    private static final Map<String, String> REFUSALS = Map.of(
            "duplicate", "经核查，您反映的问题与已受理的问题重复，将一并办理，不再单独登记。",
            "notWorkStyle", "经核查，您反映的事项不属于作风问题，未予登记。如有其他诉求，请通过相应渠道反映。",
            "outOfScope", "经核查，您反映的事项不属于本单位职责范围，未予登记，建议向有关主管部门反映。");
    private static final String ACCEPTED = "您反映的问题已受理登记，正在督促责任科室限期整改。";
    private static final String REFUSED = "经核查，您反映的事项未予登记。";
    private static final String MERGED = "您反映的问题与已受理的 %s 为同一问题，已合并办理；以下为该问题的办理进度。";
    private static final String REPORTER = "举报人";

    private final JdbcTemplate jdbc;
    private final IntakeRecords records;
    private final PublicRatings ratings;
    private final ProblemLedger ledger;
    private final Intake intake;
    private final BusinessClock clock;
    private final QueryCodes codes;

    public PublicStatus(JdbcTemplate jdbc, IntakeRecords records, PublicRatings ratings, ProblemLedger ledger, Intake intake,
            BusinessClock clock, QueryCodes codes) {
        this.codes = codes;
        this.jdbc = jdbc;
        this.records = records;
        this.ratings = ratings;
        this.ledger = ledger;
        this.intake = intake;
        this.clock = clock;
    }

    public record Reply(OffsetDateTime at, String text) {
    }

    public record Rating(int score, String comment, OffsetDateTime ratedAt) {
    }

    public record Status(String trackingNumber, OffsetDateTime receivedAt, String stage, String stageLabel, boolean closed,
            LocalDate deadline, LocalDate replyDueBy, List<Reply> replies, String mergedInto, boolean canRate, Rating rating) {
    }

    private record Row(long id, ProblemStatus status, Stage stage, Date deadline, Date registeredAt, String rejectionReason,
            String officialReply, Date closedAt) {
    }

    /** @throws IntakeRejection 404 for an unknown number or a wrong code alike */
    public Status status(String number, String queryCode) {
        IntakeRecords.Received received = verified(number, queryCode);
        // 合并重复件: a merged report follows the problem it was merged into
        ProblemRecord survivor = ledger.survivor(number).orElseThrow();
        boolean merged = survivor.id() != received.problemId();
        Row row = row(survivor.id());
        Optional<PublicRatings.Rating> rating = ratings.of(received.problemId());
        boolean closed = row.closedAt() != null;
        String label = row.status() == ProblemStatus.REJECTED ? "不予登记" : STAGE_LABELS.get(row.stage());
        List<Reply> replies = new ArrayList<>();
        if (merged) {
            Date at = ledger.events(received.problemId()).stream().filter(e -> e.type() == EventType.MERGED_INTO)
                    .map(ProblemLedger.Event::occurredAt).reduce((a, b) -> b).orElse(null);
            replies.add(new Reply(at == null ? null : offset(at), MERGED.formatted(survivor.number())));
        }
        replies.addAll(replies(row));
        return new Status(number, offset(received.receivedAt()), row.stage().name(), label, closed || row.stage() == Stage.FINISHED,
                row.deadline() == null ? null : toDate(row.deadline()),
                intake.replyDueBy(received.receivedAt()), replies, merged ? survivor.number() : null, closed && rating.isEmpty(),
                rating.map(r -> new Rating(r.score(), r.comment(), offset(r.ratedAt()))).orElse(null));
    }

    /**
     * 群众评议 of a closed problem, once.
     *
     * @throws IntakeRejection 404 as {@link #status}, 409 before closure or when already rated
     */
    @Transactional
    public Rating rate(String number, String queryCode, int score, String comment) {
        IntakeRecords.Received received = verified(number, queryCode);
        // a merged report is rated when the problem it was merged into is closed; the rating stays the reporter's own
        Row row = row(ledger.survivor(number).orElseThrow().id());
        if (row.closedAt() == null) {
            throw IntakeRejection.of(HttpStatus.CONFLICT, null, "该问题尚未办结，办结后才能评价");
        }
        if (ratings.of(received.problemId()).isPresent()) {
            throw alreadyRated();
        }
        Date now = ClockUtil.getCurrentTime();
        try {
            ratings.rate(received.problemId(), score, comment, now);
        } catch (DuplicateKeyException e) {
            throw alreadyRated();
        }
        ledger.record(received.problemId(), EventType.PUBLIC_RATED, REPORTER, null, "评分" + score);
        return new Rating(score, comment, offset(now));
    }

    private static IntakeRejection alreadyRated() {
        return IntakeRejection.of(HttpStatus.CONFLICT, null, "您已评价过该问题，每个问题只能评价一次");
    }

    private IntakeRecords.Received verified(String number, String queryCode) {
        Optional<IntakeRecords.Received> received = number == null || !number.matches("ZF-\\d{4}-\\d{6}") ? Optional.empty()
                : records.byNumber(number);
        // the hash is computed also for an unknown number, so both take the same time
        boolean matches = codes.matches(queryCode, received.map(IntakeRecords.Received::queryCodeHash).orElse(null));
        if (!matches) {
            throw IntakeRejection.notFound();
        }
        return received.get();
    }

    private Row row(long problemId) {
        return jdbc.queryForObject("""
                select id, status, stage, deadline, registered_at, rejection_reason, official_reply, closed_at
                from problem where id = ?""",
                (rs, n) -> new Row(rs.getLong("id"), ProblemStatus.valueOf(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
                        date(rs, "deadline"), date(rs, "registered_at"), rs.getString("rejection_reason"),
                        rs.getString("official_reply"), date(rs, "closed_at")),
                problemId);
    }

    /** Replies meant for the public: the registration's outcome and the official reply at closure. */
    private List<Reply> replies(Row row) {
        List<Reply> replies = new ArrayList<>();
        if (row.registeredAt() != null) {
            replies.add(new Reply(offset(row.registeredAt()), ACCEPTED));
        }
        if (row.status() == ProblemStatus.REJECTED) {
            Date at = ledger.events(row.id()).stream().filter(e -> e.type() == EventType.REJECTED)
                    .map(ProblemLedger.Event::occurredAt).reduce((a, b) -> b).orElse(null);
            replies.add(new Reply(at == null ? null : offset(at), REFUSALS.getOrDefault(row.rejectionReason(), REFUSED)));
        }
        if (row.closedAt() != null && row.officialReply() != null) {
            replies.add(new Reply(offset(row.closedAt()), row.officialReply()));
        }
        return replies;
    }

    private OffsetDateTime offset(Date instant) {
        return instant.toInstant().atZone(clock.zone()).toOffsetDateTime();
    }

    private LocalDate toDate(Date instant) {
        return instant.toInstant().atZone(clock.zone()).toLocalDate();
    }
}
