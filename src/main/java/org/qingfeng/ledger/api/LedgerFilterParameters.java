package org.qingfeng.ledger.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the filters of {@link ProblemFilterParser} on every endpoint that takes them. */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
    @Parameter(in = ParameterIn.QUERY, name = "department", description = "department id, e.g. canteen"),
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "REPORTED, REJECTED, REGISTERED, CLOSED, CONSOLIDATED, REBOUNDED, MERGED"),
    @Parameter(in = ParameterIn.QUERY, name = "stage", description = "REGISTRATION, CLAIM, RETURN_REVIEW, PLANNING, RECTIFICATION, "
            + "EXTENSION_REVIEW, VERIFICATION, EVALUATION, CLOSURE, AWAITING_REVISIT, REVISIT, FINISHED"),
    @Parameter(in = ParameterIn.QUERY, name = "channel", description = "discovery channel code as in forms/report-problem.form"),
    @Parameter(in = ParameterIn.QUERY, name = "category", description = "category code as in forms/register-problem.form"),
    @Parameter(in = ParameterIn.QUERY, name = "severity", description = "general, serious, grave"),
    @Parameter(in = ParameterIn.QUERY, name = "overdue", description = "true: registered, not closed, deadline passed"),
    @Parameter(in = ParameterIn.QUERY, name = "warning", description = "NONE, YELLOW, RED"),
    @Parameter(in = ParameterIn.QUERY, name = "registeredFrom", description = "date, inclusive, e.g. 2026-03-01"),
    @Parameter(in = ParameterIn.QUERY, name = "registeredTo", description = "date, inclusive"),
    @Parameter(in = ParameterIn.QUERY, name = "deadlineFrom", description = "date, inclusive"),
    @Parameter(in = ParameterIn.QUERY, name = "deadlineTo", description = "date, inclusive"),
    @Parameter(in = ParameterIn.QUERY, name = "q", description = "text in the description or the ledger number"),
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "page number from 0 (lists only)"),
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "page size, 1 to 200, default 20 (lists only)"),
    @Parameter(in = ParameterIn.QUERY, name = "sort", description = "field[,asc|desc]: number, reportedAt, registeredAt, "
            + "deadline, department, status, stage, warning, closedAt; default registeredAt,desc")
})
public @interface LedgerFilterParameters {
}
