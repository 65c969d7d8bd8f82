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
 * <p>The register form ({@link #forRegistration}) offers after them the most similar open problems of the other
 * departments ({@code qingfeng.intake.duplicates.other-departments}), for public reporters often name the wrong
 * department and the form cannot search again when the registrar settles on another one.
 *
 * <p>SQL narrows the ledger to open problems of the window (and the department) before any text is compared,
 * so the cost follows the open problems of a few months, not the whole ledger. Each search reads ids first,
 * compares them with kept fingerprints (texts are read only of problems not seen yet) and reads the details only
 * of the problems that can be among those it offers.
 */
@Service
public class DuplicateCandidates {

    /**
     * An open problem the report may repeat; {@code excerpt} is the start of its description, {@code department} the
     * name of its department — while it awaits registration, of the department its reporter named, if one exists —
     * or {@link #NO_DEPARTMENT}.
     */
    public record Candidate(long id, String number, String excerpt, ProblemStatus status, Stage stage, double score,
            String department) {
    }

    /** The department shown for a candidate awaiting registration whose reporter named no existing department. */
    public static final String NO_DEPARTMENT = "未定科室";

    /** The new report as compared: its own id (never its own candidate), text, place and department, if known. */
    public record Report(long id, String description, String place, String departmentId) {
    }

    static final int EXCERPT_LENGTH = 40;
    /** Weight of the place in the score where both texts name one; the description decides. */
    private static final double PLACE_WEIGHT = 0.2;
    /**
     * An upper bound on the open problems compared, newest first. Candidates are found whenever a registrar opens a
     * report's form, so this bounds what a backlog of unregistered reports (which name no department) costs each.
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

        static Texts of(String description, String place) {
            return new Texts(TextSimilarity.fingerprint(description), TextSimilarity.fingerprint(place));
        }
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
        return report(problemId, departmentId).map(this::find).orElse(List.of());
    }

    /**
     * Candidates the register form offers for the ledger's problem {@code problemId}: those of {@link #forProblem(long)}
     * and, when the report names a department, after them at most
     * {@link DuplicateSettings#otherDepartments() other-departments} of the other departments, the most similar first,
     * in case the registrar settles on another department. The window and threshold are the same.
     */
    public List<Candidate> forRegistration(long problemId) {
        return report(problemId, null).map(report -> {
            Texts texts = Texts.of(report.description(), report.place());
            List<Candidate> named = search(report, texts, Searched.NAMED, settings.limit());
            if (report.departmentId() == null || settings.otherDepartments() == 0) {
                return named;
            }
            List<Candidate> offered = new ArrayList<>(named);
            offered.addAll(search(report, texts, Searched.OTHERS, settings.otherDepartments()));
            return List.copyOf(offered);
        }).orElse(List.of());
    }

    /** The problem as a report to compare: in {@code departmentId} if given, else its own department or the one it names. */
    private Optional<Report> report(long problemId, String departmentId) {
        record Row(String description, String place, String departmentId, String departmentHint) {
        }
        return jdbc.query("select description, place, department_id, department_hint from problem where id = ?",
                        (rs, n) -> new Row(rs.getString("description"), rs.getString("place"), rs.getString("department_id"),
                                rs.getString("department_hint")), problemId)
                .stream().findFirst()
                .map(r -> new Report(problemId, r.description(), r.place(), departmentId != null ? departmentId
                        : r.departmentId() != null ? r.departmentId() : department(r.departmentHint()).orElse(null)));
    }

    /** Candidates for {@code report}; with no department, open problems of every department are compared. */
    public List<Candidate> find(Report report) {
        return search(report, Texts.of(report.description(), report.place()), Searched.NAMED, settings.limit());
    }

    /** Which open problems a search compares, by the report's department. */
    private enum Searched {
        /** The report's department's, or every department's when it has none. */
        NAMED,
        /** Every other department's, with those awaiting registration that name no department or another one. */
        OTHERS
    }

    /**
     * At most {@code limit} open problems of the {@code searched} departments that read like {@code report}, the most
     * similar first.
     */
    private List<Candidate> search(Report report, Texts texts, Searched searched, int limit) {
        long[] reportBigrams = texts.description();
        if (reportBigrams.length == 0) {
            return List.of();
        }
        long[] placeBigrams = texts.place();
        if (fingerprints.size() > MAX_CACHED) {
            fingerprints.clear();
        }
        Timestamp since = new Timestamp(SqlTimes.now().getTime() - settings.window().toMillis());
        List<Object> args = new ArrayList<>(List.of(ProblemStatus.REPORTED.name(), ProblemStatus.REGISTERED.name(),
                since, report.id()));
        String department = "";
        if (report.departmentId() != null) {
            // a problem not yet registered has no department but the one its reporter named
            String named = "(select d.id from department d where d.id = ? union all select d.name from department d where d.id = ?)";
            department = searched == Searched.NAMED
                    ? "and (p.department_id = ? or (p.department_id is null and p.department_hint in " + named + "))"
                    : "and (p.department_id <> ? or (p.department_id is null and (p.department_hint is null"
                            + " or p.department_hint not in " + named + ")))";
            args.addAll(List.of(report.departmentId(), report.departmentId(), report.departmentId()));
        } else if (searched == Searched.OTHERS) {
            return List.of(); // every department is the report's
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
                        fingerprints.put(rs.getLong("id"), Texts.of(rs.getString("description"), rs.getString("place")));
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
        double cutoff = alike.values().stream().sorted(Comparator.reverseOrder()).skip(Math.max(0, limit - 1))
                .findFirst().orElse(0.0);
        List<Long> offered = alike.entrySet().stream().filter(e -> e.getValue() >= cutoff).map(Map.Entry::getKey).toList();
        // the department of a problem awaiting registration is the one its reporter named, by id or name, if it exists
        List<Candidate> candidates = jdbc.query("""
                        select p.id, p.number, p.description, p.status, p.stage, coalesce(d.name,
                            (select h.name from department h where p.department_id is null
                                and (h.id = p.department_hint or h.name = p.department_hint) order by h.id limit 1)) department
                        from problem p left join department d on d.id = p.department_id
                        where p.id in (%s)""".formatted(placeholders(offered.size())),
                (rs, n) -> new Candidate(rs.getLong("id"), rs.getString("number"), excerpt(rs.getString("description")),
                        ProblemStatus.valueOf(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
                        alike.get(rs.getLong("id")), Optional.ofNullable(rs.getString("department")).orElse(NO_DEPARTMENT)),
                offered.toArray());
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::number))
                .limit(limit)
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
