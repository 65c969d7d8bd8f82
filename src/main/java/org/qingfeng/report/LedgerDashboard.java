package org.qingfeng.report;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.LedgerQueries;
import org.qingfeng.ledger.LedgerQueries.Count;
import org.qingfeng.ledger.LedgerQueries.Dimension;
import org.qingfeng.ledger.MonthlyRates;
import org.qingfeng.ledger.ProblemFilter;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.ledger.api.ProblemFilterParser;
import org.qingfeng.supervision.IntegrityLetter;
import org.qingfeng.supervision.IntegrityLetters;
import org.qingfeng.supervision.ReviewDepartmentsDelegate;
import org.qingfeng.supervision.ReviewThresholds;
import org.qingfeng.supervision.SupervisionRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every figure of the Cockpit ledger dashboard (台账看板) for one month. Nothing is defined twice: rates are
 * {@link MonthlyRates}, counts are {@link LedgerQueries#counts} over the same filters as the ledger list, and each
 * figure carries the list parameters ({@code list}) under which /api/ledger/problems shows the problems behind it.
 */
@Service
public class LedgerDashboard {

    /** The dashboard for a month. Work in progress (stage, warning colour) is as of now: the ledger keeps no history of it. */
    public record Dashboard(String month, boolean currentMonth, Date asOf, List<DepartmentFigures> departments,
            DepartmentRate total, List<WorkCell> work, List<MonthTotal> trend, List<Share> categories, List<Share> channels,
            List<Map<String, Object>> watchList, List<Map<String, Object>> reviews, List<Interview> escalationInterviews,
            List<IntegrityLetter> letters) {
    }

    /**
     * A department's month with the review threshold it is held to: from the month's review once it has run,
     * else from the review-threshold table. {@code list} lists the problems due by the month's end;
     * {@code openList} and {@code overdueList} the open and the overdue ones, for the month still running only:
     * a closed month's open and overdue problems as of its end are history the ledger list cannot filter.
     */
    public record DepartmentFigures(DepartmentRate rate, double threshold, boolean reviewed, boolean passed,
            Map<String, String> list, Map<String, String> openList, Map<String, String> overdueList) {
    }

    /** Open (已登记, not closed) and overdue problems now in one stage with one warning colour. */
    public record WorkCell(Stage stage, String stageLabel, WarningColour warning, String warningLabel, long open,
            long overdue, Map<String, String> openList, Map<String, String> overdueList) {
    }

    /** All departments' figures of one month added up; the rates derived as for one department. */
    public record MonthTotal(String month, DepartmentRate figures) {
    }

    /** Problems registered in the month with one category or channel; no list for a code the forms no longer offer. */
    public record Share(String code, String label, long count, Map<String, String> list) {
    }

    /** An escalation interview (约谈) about one problem, recorded in the month. */
    public record Interview(String problemNumber, String processInstanceId, String departmentId, String departmentName,
            int level, String title, String interviewer, String interviewTime, Date recordedAt) {
    }

    static final int TREND_MONTHS = 12;
    private static final String ALL = "全部科室";

    private final MonthlyRates rates;
    private final LedgerQueries queries;
    private final ProblemFilterParser filters;
    private final LedgerLabels labels;
    private final ReviewThresholds thresholds;
    private final SupervisionRecords supervision;
    private final IntegrityLetters letters;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public LedgerDashboard(MonthlyRates rates, LedgerQueries queries, ProblemFilterParser filters, LedgerLabels labels,
            ReviewThresholds thresholds, SupervisionRecords supervision,
            IntegrityLetters letters, JdbcTemplate jdbc, BusinessClock clock) {
        this.rates = rates;
        this.queries = queries;
        this.filters = filters;
        this.labels = labels;
        this.thresholds = thresholds;
        this.supervision = supervision;
        this.letters = letters;
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public YearMonth currentMonth() {
        return YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(zone));
    }

    public Dashboard of(YearMonth month) {
        boolean current = month.equals(currentMonth());
        List<DepartmentRate> monthRates = rates.of(month);
        return new Dashboard(month.toString(), current, ClockUtil.getCurrentTime(),
                monthRates.stream().map(rate -> departmentFigures(month, rate, current)).toList(),
                total(monthRates),
                work(),
                trend(month),
                shares(month, Dimension.CATEGORY, labels.categories(), labels::category),
                shares(month, Dimension.CHANNEL, labels.channels(), labels::channel),
                supervision.watchList(),
                supervision.reviewsOf(month),
                escalationInterviews(month),
                letters.list(null, month));
    }

    private DepartmentFigures departmentFigures(YearMonth month, DepartmentRate rate, boolean current) {
        var review = supervision.review(month, rate.departmentId());
        double threshold = review.map(SupervisionRecords.DepartmentReview::threshold).orElseGet(() -> thresholds.of(rate.departmentId()));
        boolean passed = review.map(SupervisionRecords.DepartmentReview::passed)
                .orElseGet(() -> ReviewDepartmentsDelegate.passes(rate, threshold));
        Map<String, String> due = params("department", rate.departmentId(), "deadlineTo", month.atEndOfMonth().toString(),
                "sort", "deadline,asc");
        Map<String, String> open = current ? params("department", rate.departmentId(), "status", ProblemStatus.REGISTERED.name(),
                "sort", "deadline,asc") : null;
        Map<String, String> overdue = current ? params("department", rate.departmentId(), "overdue", "true", "sort", "deadline,asc") : null;
        return new DepartmentFigures(rate, threshold, review.isPresent(), passed, due, open, overdue);
    }

    private static DepartmentRate total(List<DepartmentRate> departments) {
        int due = 0, closed = 0, onTime = 0, open = 0, overdue = 0;
        for (DepartmentRate r : departments) {
            due += r.due();
            closed += r.closed();
            onTime += r.closedOnTime();
            open += r.open();
            overdue += r.overdue();
        }
        return DepartmentRate.of(null, ALL, due, closed, onTime, open, overdue);
    }

    private List<WorkCell> work() {
        Map<String, String> open = params("status", ProblemStatus.REGISTERED.name());
        Map<String, String> overdue = params("overdue", "true");
        Map<List<String>, Long> openCounts = counted(queries.counts(filters.parse(open), Dimension.STAGE, Dimension.WARNING));
        Map<List<String>, Long> overdueCounts = counted(queries.counts(filters.parse(overdue), Dimension.STAGE, Dimension.WARNING));
        List<WorkCell> cells = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (WarningColour colour : WarningColour.values()) {
                List<String> key = List.of(stage.name(), colour.name());
                long o = openCounts.getOrDefault(key, 0L);
                long d = overdueCounts.getOrDefault(key, 0L);
                if (o > 0 || d > 0) {
                    cells.add(new WorkCell(stage, labels.stage(stage), colour, labels.warning(colour), o, d,
                            with(open, "stage", stage.name(), "warning", colour.name()),
                            with(overdue, "stage", stage.name(), "warning", colour.name())));
                }
            }
        }
        return cells;
    }

    private List<MonthTotal> trend(YearMonth month) {
        List<MonthTotal> trend = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            trend.add(new MonthTotal(m.toString(), total(rates.of(m))));
        }
        return trend;
    }

    private List<Share> shares(YearMonth month, Dimension dimension, Map<String, String> known, Function<String, String> label) {
        Map<String, String> registered = params("registeredFrom", month.atDay(1).toString(),
                "registeredTo", month.atEndOfMonth().toString());
        ProblemFilter filter = filters.parse(registered);
        return queries.counts(filter, dimension).stream()
                .filter(c -> c.values().get(0) != null)
                .map(c -> {
                    String code = c.values().get(0);
                    // a code the forms no longer offer cannot be filtered on, so its figure has no list
                    boolean listable = known.containsKey(code);
                    return new Share(code, label.apply(code), c.count(), listable ? with(registered, dimension.parameter(), code) : null);
                })
                .toList();
    }

    private List<Interview> escalationInterviews(YearMonth month) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        return jdbc.query("""
                select p.number, p.process_instance_id, p.department_id, d.name as department_name, i.level, i.title,
                       i.interviewer, i.interview_time, i.recorded_at
                from escalation_interview i join problem p on p.id = i.problem_id
                left join department d on d.id = p.department_id
                where i.recorded_at >= ? and i.recorded_at < ? order by i.recorded_at, i.id""",
                (rs, n) -> new Interview(rs.getString("number"), rs.getString("process_instance_id"),
                        rs.getString("department_id"), rs.getString("department_name"), rs.getInt("level"),
                        rs.getString("title"), rs.getString("interviewer"), rs.getString("interview_time"),
                        rs.getTimestamp("recorded_at")),
                from, to);
    }

    private static Map<List<String>, Long> counted(List<Count> counts) {
        Map<List<String>, Long> map = new HashMap<>();
        counts.forEach(c -> map.put(c.values(), c.count()));
        return map;
    }

    private static Map<String, String> params(String... pairs) {
        return with(Map.of(), pairs);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> params = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
