package org.qingfeng.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.NoSuchElementException;
import org.qingfeng.identity.Departments;
import org.qingfeng.identity.Visibility;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.api.BadParameterException;
import org.qingfeng.ledger.api.LedgerLabels;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duplicate candidates (疑似重复件) over HTTP, for a registrar who settles on another department than the one the
 * report named: the register form offers those of the named department, this answers for any department.
 */
@RestController
@RequestMapping("/api/intake")
public class DuplicateController {

    /**
     * A candidate as the registrar sees it: number, description excerpt, department name, stage (in Chinese) and
     * score (0–1).
     */
    public record Duplicate(String number, String excerpt, String department, String stage, double score) {
    }

    private final DuplicateCandidates duplicates;
    private final ProblemLedger ledger;
    private final Departments departments;
    private final LedgerLabels labels;
    private final Visibility visibility;

    public DuplicateController(DuplicateCandidates duplicates, ProblemLedger ledger, Departments departments,
            LedgerLabels labels, Visibility visibility) {
        this.duplicates = duplicates;
        this.ledger = ledger;
        this.departments = departments;
        this.labels = labels;
        this.visibility = visibility;
    }

    @GetMapping("/duplicates")
    @Operation(summary = "疑似重复件: open problems a report may repeat, most similar first")
    public List<Duplicate> duplicates(
            @Parameter(description = "ledger number of the report, e.g. ZF-2026-000123") @RequestParam(required = false) String number,
            @Parameter(description = "department id to look in; default: the report's department or the one it names")
            @RequestParam(required = false) String department) {
        if (number == null || number.isBlank()) {
            throw new BadParameterException("number", "请提供台账编号，例如 number=ZF-2026-000123");
        }
        Visibility.Scope scope = visibility.current();
        // the same rule as the ledger API: another department's problem is not found, its candidates are refused
        ProblemRecord problem = ledger.findByNumber(number.trim()).filter(p -> scope.sees(p.departmentId()))
                .orElseThrow(() -> new NoSuchElementException("台账中没有问题" + number));
        boolean chosen = department != null && !department.isBlank();
        if (chosen && departments.find(department).isEmpty()) {
            throw new BadParameterException("department", "科室不存在：" + department);
        }
        String searched = chosen ? department : null;
        if (!scope.all()) {
            // without a department the search may span every department: someone who sees only some names one
            searched = chosen ? department : problem.departmentId();
            scope.require(searched);
        }
        return duplicates.forProblem(problem.id(), searched).stream()
                .map(c -> new Duplicate(c.number(), c.excerpt(), c.department(),
                        labels.progress(c.status(), c.stage()), c.score()))
                .toList();
    }
}
