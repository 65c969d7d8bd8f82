package org.qingfeng.ledger;

/** Kinds of timeline entries. */
public enum EventType {
    REPORTED,
    TASK_COMPLETED,
    REJECTED,
    REGISTERED,
    CLAIM_REMINDER,
    RESPONSIBILITY_CONFIRMED,
    DEADLINE_EXTENDED,
    YELLOW_WARNING,
    RED_WARNING,
    INTERVIEW_RECORDED,
    WATCH_LIST_PROPOSED,
    DEADLINE_SET_BY_INTERVIEW,
    /** 满意度测评: the rates the decision compares and what they rest on (survey, 群众评议). */
    SATISFACTION_ASSESSED,
    RECTIFICATION_REOPENED,
    /** 整改时限因节假日调整而重新计算: the working-day calendar changed under a deadline counted in working days. */
    DEADLINE_RECALCULATED,
    /** 签收时限因节假日调整而重新计算. */
    CLAIM_DEADLINE_RECALCULATED,
    CLOSED,
    REVISITED,
    REBOUND_OPENED,
    SPECIAL_SUPERVISION_ORDERED,
    SUPERVISION_REPORT_MISSED,
    SPECIAL_SUPERVISION_ENDED,
    RECTIFICATION_GROUP_PROPOSED,
    RECTIFICATION_GROUP_FORMED,
    RECTIFICATION_GROUP_DECLINED,
    /** Drawn into a half-year revisit campaign (整改回头看). */
    REVISIT_SAMPLED,
    /** The campaign's revisit of the problem is overdue. */
    REVISIT_REMINDER,
    /** The work-style office opened the reporter's contact data. */
    CONTACT_VIEWED,
    /** Someone outside the work-style office asked for the reporter's contact data and was refused. */
    CONTACT_REFUSED,
    /** 群众评议: the reporter rated the closed problem. */
    PUBLIC_RATED,
    /** 合并重复件: this report was merged into the open problem it repeats. */
    MERGED_INTO,
    /** A duplicate report was merged into this problem. */
    DUPLICATE_MERGED
}
