package org.qingfeng.ledger;

import java.util.Date;

/** One row of the ledger as read back. */
public record ProblemRecord(
        long id,
        String number,
        String processInstanceId,
        ProblemStatus status,
        Stage stage,
        String category,
        String severity,
        String departmentId,
        Date deadline,
        WarningColour warningColour,
        int reminderCount,
        int extensionCount,
        int escalationLevel,
        int rectificationRound,
        Date closedAt,
        Boolean closedOnTime,
        Long reboundOf,
        /** The problem this duplicate report was merged into (合并重复件), if it was. */
        Long mergedInto,
        /** Reported by a member of the public or an enterprise: service recipients rate it too (双满意度). */
        boolean externalOrigin) {
}
