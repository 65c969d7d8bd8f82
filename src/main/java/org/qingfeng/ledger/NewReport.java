package org.qingfeng.ledger;

import java.util.Date;

/** What is known of a problem when it is first reported. */
public record NewReport(
        String channel,
        String reporterType,
        boolean externalOrigin,
        String description,
        String place,
        String departmentHint,
        String receivedBy,
        Date reportedAt,
        Long reboundOf) {
}
