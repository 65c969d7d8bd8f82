package org.qingfeng.ledger;

import java.time.LocalDate;

/** A validated query on the ledger: every field is optional except paging and sorting. */
public record ProblemFilter(
        String departmentId,
        ProblemStatus status,
        Stage stage,
        String channel,
        String category,
        String severity,
        Boolean overdue,
        WarningColour warning,
        LocalDate registeredFrom,
        LocalDate registeredTo,
        LocalDate deadlineFrom,
        LocalDate deadlineTo,
        String text,
        int page,
        int size,
        SortField sort,
        boolean ascending) {

    public static final int MAX_PAGE_SIZE = 200;

    /** Columns a list may be sorted by, with their public names. */
    public enum SortField {
        NUMBER("number", "p.number"),
        REPORTED_AT("reportedAt", "p.reported_at"),
        REGISTERED_AT("registeredAt", "p.registered_at"),
        DEADLINE("deadline", "p.deadline"),
        DEPARTMENT("department", "d.sort_order"),
        STATUS("status", "p.status"),
        STAGE("stage", "p.stage"),
        WARNING("warning", "p.warning_colour"),
        CLOSED_AT("closedAt", "p.closed_at");

        final String parameter;
        final String column;

        SortField(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        public String parameter() {
            return parameter;
        }
    }
}
