package org.qingfeng.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When and how the monthly ledger review (月度台账审核) runs; defaults in application.yaml. The threshold and the
 * consequences of failing it are in processes/review-threshold.dmn.
 *
 * @param schedule          timer cycle of the review, e.g. {@code every month on working day 1 at 09:00}
 * @param organisationType  input of the review-threshold table: which rule set the organisation follows
 * @param interviewWithin   due date of the escalation interview after a failed review, e.g. {@code 5 working days}
 * @param committeeWithin   due date of the party committee's review of the bulletin
 */
@ConfigurationProperties("qingfeng.review")
public record ReviewSettings(
        String schedule,
        String organisationType,
        String interviewWithin,
        String committeeWithin) {
}
