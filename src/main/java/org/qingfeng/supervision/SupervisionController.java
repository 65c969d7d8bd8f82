package org.qingfeng.supervision;

import org.qingfeng.identity.Visibility;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision records of the ledger: monthly reviews, accountability, the watch list and award disqualification. */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionController {

    private final SupervisionRecords records;

    private final Visibility visibility;

    public SupervisionController(SupervisionRecords records, Visibility visibility) {
        this.records = records;
        this.visibility = visibility;
    }

    /** Bureau-wide figures: only for those who see every department (403 for a department's staff). */
    @ModelAttribute
    void bureauWide() {
        visibility.requireAll();
    }

    @Operation(summary = "Each department's result in a month's review (月度台账审核), with its interview")
    @GetMapping("/reviews")
    public List<Map<String, Object>> reviews(@Parameter(description = "reviewed month, yyyy-MM") @RequestParam String month) {
        return records.reviewsOf(month(month));
    }

    @Operation(summary = "Accountability (问责) decided in a year, newest first")
    @GetMapping("/accountability")
    public List<Map<String, Object>> accountability(@Parameter(description = "year, e.g. 2026") @RequestParam String year) {
        return records.accountabilityIn(year(year));
    }

    @Operation(summary = "The work-style watch list (作风观察名单): who is on it now, and until when")
    @GetMapping("/watch-list")
    public List<Map<String, Object>> watchList() {
        return records.watchList();
    }

    @Operation(summary = "Departments that lost award eligibility (取消评优) in a year")
    @GetMapping("/award-disqualifications")
    public List<Map<String, Object>> disqualifications(@Parameter(description = "year, e.g. 2026") @RequestParam String year) {
        return records.disqualificationsIn(year(year));
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("month", "month must be written yyyy-MM, e.g. 2026-10");
        }
    }

    private static int year(String text) {
        if (!text.matches("\\d{4}")) {
            throw new BadParameterException("year", "year must be four digits, e.g. 2026");
        }
        return Integer.parseInt(text);
    }
}
