package org.qingfeng.ledger;

import java.time.OffsetDateTime;

/** One problem as the ledger lists and exports it. */
public record ProblemRow(
        String number,
        ProblemStatus status,
        Stage stage,
        boolean overdue,
        String channel,
        String reporterType,
        String category,
        String severity,
        String departmentId,
        String departmentName,
        String responsiblePerson,
        String description,
        OffsetDateTime reportedAt,
        OffsetDateTime registeredAt,
        OffsetDateTime deadline,
        WarningColour warningColour,
        int reminderCount,
        int extensionCount,
        int escalationLevel,
        int rectificationRound,
        OffsetDateTime closedAt,
        Boolean closedOnTime,
        String reboundOf,
        /** Number of the problem this duplicate report was merged into (合并重复件), if it was. */
        String mergedInto,
        String processInstanceId) {
}
