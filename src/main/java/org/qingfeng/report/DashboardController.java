package org.qingfeng.report;

import org.qingfeng.identity.Visibility;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** All figures of the Cockpit ledger dashboard (台账看板) in one answer. */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

    private final LedgerDashboard dashboard;

    private final Visibility visibility;

    public DashboardController(LedgerDashboard dashboard, Visibility visibility) {
        this.dashboard = dashboard;
        this.visibility = visibility;
    }

    /** Bureau-wide figures: only for those who see every department (403 for a department's staff). */
    @ModelAttribute
    void bureauWide() {
        visibility.requireAll();
    }

    @GetMapping
    @Operation(summary = "台账看板: department rates with review thresholds, open and overdue work, 12-month trend, "
            + "problems by category and channel, watch list, interviews and letters of a month")
    @Parameter(in = ParameterIn.QUERY, name = "month",
            description = "month, yyyy-MM, not after the current month; default the current month")
    public LedgerDashboard.Dashboard dashboard(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!name.equals("month")) {
                throw new BadParameterException(name, "unknown parameter '" + name + "'; known: month");
            }
        }
        return dashboard.of(month(params.get("month")));
    }

    private YearMonth month(String text) {
        YearMonth current = dashboard.currentMonth();
        if (text == null) {
            return current;
        }
        YearMonth month;
        try {
            month = text.matches("\\d{4}-\\d{2}") ? YearMonth.parse(text) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw new BadParameterException("month", "month must look like 2026-03, not '" + text + "'");
        }
        if (month.isAfter(current)) {
            throw new BadParameterException("month", "month " + month + " has not begun; the latest is " + current);
        }
        return month;
    }
}
