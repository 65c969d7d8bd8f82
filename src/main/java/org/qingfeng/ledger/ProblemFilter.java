package org.qingfeng.ledger;

import java.time.LocalDate;
import java.util.Set;

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
        boolean ascending,
        Set<String> visibleDepartmentIds) {

    public static final int MAX_PAGE_SIZE = 200;

    /** A filter over every department. */
    public ProblemFilter(String departmentId, ProblemStatus status, Stage stage, String channel, String category,
            String severity, Boolean overdue, WarningColour warning, LocalDate registeredFrom, LocalDate registeredTo,
            LocalDate deadlineFrom, LocalDate deadlineTo, String text, int page, int size, SortField sort,
            boolean ascending) {
        this(departmentId, status, stage, channel, category, severity, overdue, warning, registeredFrom, registeredTo,
                deadlineFrom, deadlineTo, text, page, size, sort, ascending, null);
    }

    /** The same filter, narrowed to the departments someone may see ({@code null}: every department). */
    public ProblemFilter within(Set<String> departmentIds) {
        return new ProblemFilter(departmentId, status, stage, channel, category, severity, overdue, warning,
                registeredFrom, registeredTo, deadlineFrom, deadlineTo, text, page, size, sort, ascending,
                departmentIds == null ? null : Set.copyOf(departmentIds));
    }

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
