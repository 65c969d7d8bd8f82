package org.qingfeng.intake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.SqlTimes;
import org.qingfeng.ledger.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds the open problems a new report may repeat (重复件), for the registrar to merge it into: problems of the
 * same department, awaiting registration or in rectification, reported within the window
 * ({@code qingfeng.intake.duplicates.window}), whose description (and place, where both have one) reads alike
 * ({@link TextSimilarity}) at least to the threshold; the most similar first.
 *
 * <p>SQL narrows the ledger to open problems of the window (and the department) before any text is compared,
 * so the cost follows the open problems of a few months, not the whole ledger.
 */
@Service
public class DuplicateCandidates {

    /** An open problem the report may repeat; {@code excerpt} is the start of its description. */
    public record Candidate(long id, String number, String excerpt, ProblemStatus status, Stage stage, double score) {
    }

    /** The new report as compared: its own id (never its own candidate), text, place and department, if known. */
    public record Report(long id, String description, String place, String departmentId) {
    }

    static final int EXCERPT_LENGTH = 40;
    /** Weight of the place in the score where both texts name one; the description decides. */
    private static final double PLACE_WEIGHT = 0.2;
    /**
     * An upper bound on the open problems compared, newest first. Candidates are found while the report is received,
     * so this bounds what a backlog of unregistered reports (which name no department) costs each new one.
     */
    static final int MAX_COMPARED = 200;

    /** Fingerprints kept at most; past it the cache starts again (about 1 KB each). */
    static final int MAX_CACHED = 20_000;

    private final JdbcTemplate jdbc;
    private final DuplicateSettings settings;
    /**
     * Fingerprints of open problems' description and place by problem id, so each new report compares against them
     * without working them out again. A problem's description and place never change once reported.
     */
    private final Map<Long, Texts> fingerprints = new ConcurrentHashMap<>();

    private record Texts(long[] description, long[] place) {
    }

    public DuplicateCandidates(JdbcTemplate jdbc, DuplicateSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Candidates for the ledger's problem {@code problemId}, in the department the report names (its
     * departmentHint, a department's id or name) or, when it names none that exists, in every department.
     */
    public List<Candidate> forProblem(long problemId) {
        return forProblem(problemId, null);
    }

    /**
     * Candidates for the ledger's problem {@code problemId} in department {@code departmentId}, as for a registrar who
     * settles on that department; null for the report's own or named department.
     */
    public List<Candidate> forProblem(long problemId, String departmentId) {
        record Row(String description, String place, String departmentId, String departmentHint) {
        }
        return jdbc.query("select description, place, department_id, department_hint from problem where id = ?",
                        (rs, n) -> new Row(rs.getString("description"), rs.getString("place"), rs.getString("department_id"),
                                rs.getString("department_hint")), problemId)
                .stream().findFirst()
                .map(r -> find(new Report(problemId, r.description(), r.place(), departmentId != null ? departmentId
                        : r.departmentId() != null ? r.departmentId() : department(r.departmentHint()).orElse(null))))
                .orElse(List.of());
    }

    /** Candidates for {@code report}; with no department, open problems of every department are compared. */
    public List<Candidate> find(Report report) {
        long[] reportBigrams = TextSimilarity.fingerprint(report.description());
        if (reportBigrams.length == 0) {
            return List.of();
        }
        long[] placeBigrams = TextSimilarity.fingerprint(report.place());
        if (fingerprints.size() > MAX_CACHED) {
            fingerprints.clear();
        }
        Timestamp since = new Timestamp(SqlTimes.now().getTime() - settings.window().toMillis());
        List<Object> args = new ArrayList<>(List.of(ProblemStatus.REPORTED.name(), ProblemStatus.REGISTERED.name(),
                since, report.id()));
        String department = "";
        if (report.departmentId() != null) {
            // a problem not yet registered has no department but the one its reporter named
            department = """
                    and (p.department_id = ? or (p.department_id is null and p.department_hint in
                        (select d.id from department d where d.id = ? union all select d.name from department d where d.id = ?)))""";
            args.addAll(List.of(report.departmentId(), report.departmentId(), report.departmentId()));
        }
        args.add(MAX_COMPARED);
        // ids first; texts only of problems whose fingerprints are not kept yet, details only of the alike
        List<Long> compared = jdbc.queryForList("""
                select p.id from problem p
                where p.status in (?, ?) and p.reported_at >= ? and p.id <> ? %s
                order by p.reported_at desc, p.id desc limit ?""".formatted(department), Long.class, args.toArray());
        List<Long> unknown = compared.stream().filter(id -> !fingerprints.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            jdbc.query("select id, description, place from problem where id in (" + placeholders(unknown.size()) + ")",
                    rs -> {
                        fingerprints.put(rs.getLong("id"), new Texts(TextSimilarity.fingerprint(rs.getString("description")),
                                TextSimilarity.fingerprint(rs.getString("place"))));
                    }, unknown.toArray());
        }
        Map<Long, Double> alike = new HashMap<>();
        for (long id : compared) {
            Texts other = fingerprints.get(id);
            if (other == null) {
                continue; // removed from the ledger meanwhile
            }
            double score = TextSimilarity.dice(reportBigrams, other.description());
            if (placeBigrams.length > 0 && other.place().length > 0) {
                score = (1 - PLACE_WEIGHT) * score + PLACE_WEIGHT * TextSimilarity.dice(placeBigrams, other.place());
            }
            if (score >= settings.threshold()) {
                alike.put(id, Math.round(score * 100) / 100.0);
            }
        }
        if (alike.isEmpty()) {
            return List.of();
        }
        // only those that can be among the offered: as alike as the limit-th best or more (ties are settled by number)
        double cutoff = alike.values().stream().sorted(Comparator.reverseOrder()).skip(Math.max(0, settings.limit() - 1))
                .findFirst().orElse(0.0);
        List<Long> offered = alike.entrySet().stream().filter(e -> e.getValue() >= cutoff).map(Map.Entry::getKey).toList();
        List<Candidate> candidates = jdbc.query(
                "select id, number, description, status, stage from problem where id in (" + placeholders(offered.size()) + ")",
                (rs, n) -> new Candidate(rs.getLong("id"), rs.getString("number"), excerpt(rs.getString("description")),
                        ProblemStatus.valueOf(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
                        alike.get(rs.getLong("id"))),
                offered.toArray());
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::number))
                .limit(settings.limit())
                .toList();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** The department a report names by id or by name, if one exists. */
    public Optional<String> department(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String trimmed = idOrName.trim();
        return jdbc.queryForList("select id from department where id = ? or name = ? order by id", String.class,
                trimmed, trimmed).stream().findFirst();
    }

    static String excerpt(String description) {
        String text = description == null ? "" : description.strip();
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }
}
