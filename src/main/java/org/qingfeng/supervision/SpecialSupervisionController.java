package org.qingfeng.supervision;

import org.qingfeng.identity.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.qingfeng.ledger.api.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger of special supervision orders (重点问题专项督办台账). */
@RestController
@RequestMapping("/api/special-supervisions")
public class SpecialSupervisionController {

    /** One order with every reporting cycle so far. */
    public record Detail(SpecialSupervisions.Order order, List<SpecialSupervisions.Report> reports) {
    }

    private final SpecialSupervisions supervisions;

    private final Visibility visibility;

    public SpecialSupervisionController(SpecialSupervisions supervisions, Visibility visibility) {
        this.supervisions = supervisions;
        this.visibility = visibility;
    }

    @GetMapping
    @Operation(summary = "专项督办台账: every order, newest first, with its reports and misses so far")
    public List<SpecialSupervisions.Order> list(
            @Parameter(description = "OPEN (督办中) or ENDED (已结束); all when left out") @RequestParam(required = false) String status) {
        Visibility.Scope scope = visibility.current();
        return supervisions.list(status(status)).stream().filter(order -> scope.sees(order.departmentId())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with each cycle's report, or its miss and the interview held over it")
    public Detail one(@PathVariable long id) {
        SpecialSupervisions.Order order = supervisions.find(id)
                .filter(found -> visibility.current().sees(found.departmentId()))
                .orElseThrow(() -> new NoSuchElementException("no special supervision " + id));
        return new Detail(order, supervisions.reports(id));
    }

    private static SpecialSupervisions.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SpecialSupervisions.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("status", "status must be OPEN or ENDED, not '" + value + "'");
        }
    }
}
