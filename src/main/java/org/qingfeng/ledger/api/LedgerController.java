package org.qingfeng.ledger.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Date;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.HistoryService;
import org.qingfeng.engine.WithoutAuthorization;
import org.qingfeng.identity.Visibility;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.LedgerQueries;
import org.qingfeng.ledger.MonthlyRates;
import org.qingfeng.ledger.ProblemFilter;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRow;
import org.qingfeng.ledger.audit.AuditEntry;
import org.qingfeng.ledger.audit.AuditTrail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ledger (台账) over HTTP: lists with filters, one problem with its timeline, department rates, exports. Someone
 * who sees only some departments ({@link Visibility}) gets only their problems and rates: asking for another
 * department by filter is refused (403), and another department's problem is not found (404), as in /engine-rest.
 */
@RestController
@RequestMapping("/api/ledger")
public class LedgerController {

    /**
     * One problem: its ledger row, its ledger timeline, the process steps from Camunda's history and the numbers of
     * the duplicate reports merged into it (合并重复件); the row's {@code mergedInto} names the problem a merged
     * report went to.
     */
    public record ProblemDetail(ProblemRow problem, List<ProblemLedger.Event> timeline, List<ProcessStep> steps,
            List<String> mergedReports) {
    }

    /** A step of the problem's process as Camunda's history records it. */
    public record ProcessStep(String activityId, String name, String type, String assignee, Date startedAt, Date endedAt,
            boolean canceled) {
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerQueries queries;
    private final MonthlyRates rates;
    private final ProblemLedger ledger;
    private final ProblemFilterParser filters;
    private final LedgerExport export;
    private final HistoryService history;
    private final AuditTrail auditTrail;
    private final Visibility visibility;
    private final WithoutAuthorization withoutAuthorization;

    public LedgerController(LedgerQueries queries, MonthlyRates rates, ProblemLedger ledger, ProblemFilterParser filters,
            LedgerExport export, HistoryService history, AuditTrail auditTrail, Visibility visibility,
            WithoutAuthorization withoutAuthorization) {
        this.history = history;
        this.auditTrail = auditTrail;
        this.visibility = visibility;
        this.withoutAuthorization = withoutAuthorization;
        this.queries = queries;
        this.rates = rates;
        this.ledger = ledger;
        this.filters = filters;
        this.export = export;
    }

    @GetMapping("/problems")
    @Operation(summary = "问题台账列表: a page of problems matching the filters")
    @LedgerFilterParameters
    public LedgerQueries.Page list(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        return queries.list(visible(params));
    }

    @GetMapping("/problems/{number}")
    @Operation(summary = "One problem with its timeline: every step, who, when, what was decided")
    public ProblemDetail problem(@PathVariable String number) {
        ProblemRow row = queries.find(number)
                .filter(found -> visibility.current().sees(found.departmentId()))
                .orElseThrow(() -> new NoSuchElementException("no problem " + number));
        // visible: its steps are shown whatever the engine's history grants (a reporter's problem has none yet)
        List<ProcessStep> steps = row.processInstanceId() == null ? List.of() : withoutAuthorization.call(() -> history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(row.processInstanceId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .unlimitedList()).stream()
                .filter(a -> a.getActivityName() != null)
                .map(a -> new ProcessStep(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                        a.getStartTime(), a.getEndTime(), a.isCanceled()))
                .toList();
        List<String> merged = ledger.findByNumber(number).map(p -> ledger.mergedReports(p.id())).orElse(List.of());
        return new ProblemDetail(row, ledger.events(number), steps, merged);
    }

    @GetMapping("/problems/{number}/audit")
    @Operation(summary = "审计日志 of one problem: every ledger change and timeline entry, who and when, with its hash-chain links")
    public List<AuditEntry> audit(@PathVariable String number) {
        // the same rule as the problem's detail, so whoever may read the one may read the other
        long id = ledger.findByNumber(number)
                .filter(found -> visibility.current().sees(found.departmentId()))
                .orElseThrow(() -> new NoSuchElementException("no problem " + number)).id();
        return auditTrail.ofProblem(id);
    }

    @GetMapping("/rates")
    @Operation(summary = "整改率 and 按期整改率 per department for a month; closed months come from their frozen snapshot")
    public List<DepartmentRate> rates(@Parameter(description = "e.g. 2026-03") @RequestParam(required = false) String month) {
        if (month == null) {
            throw new BadParameterException("month", "month is required, e.g. month=2026-03");
        }
        try {
            Visibility.Scope scope = visibility.current();
            return rates.of(YearMonth.parse(month)).stream().filter(rate -> scope.sees(rate.departmentId())).toList();
        } catch (DateTimeParseException e) {
            throw new BadParameterException("month", "month must look like 2026-03, not '" + month + "'");
        }
    }

    @GetMapping("/problems.csv")
    @Operation(summary = "The filtered list as CSV (UTF-8), all rows")
    @LedgerFilterParameters
    public ResponseEntity<StreamingResponseBody> csv(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        ProblemFilter filter = visible(params);
        return download("ledger.csv", new MediaType("text", "csv", StandardCharsets.UTF_8), out -> export.csv(filter, out));
    }

    @GetMapping("/problems.xlsx")
    @Operation(summary = "The filtered list as an Excel workbook, all rows")
    @LedgerFilterParameters
    public ResponseEntity<StreamingResponseBody> xlsx(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        ProblemFilter filter = visible(params);
        return download("ledger.xlsx", XLSX, out -> export.xlsx(filter, out));
    }

    /** The requested filter within what the caller may see; decided here, as exports stream after the request. */
    private ProblemFilter visible(Map<String, String> params) {
        ProblemFilter filter = filters.parse(params);
        Visibility.Scope scope = visibility.current();
        if (scope.all()) {
            return filter;
        }
        if (filter.departmentId() != null) {
            scope.require(filter.departmentId());
        }
        return filter.within(scope.departmentIds());
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(type)
                .body(body);
    }
}
