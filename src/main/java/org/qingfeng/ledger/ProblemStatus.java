package org.qingfeng.ledger;

/** Where a problem stands in the loop 发现—登记—整改—销号—回头看. */
public enum ProblemStatus {
    /** 已发现: reported, not yet registered. */
    REPORTED,
    /** 不予登记. */
    REJECTED,
    /** 已登记, in claim or rectification. */
    REGISTERED,
    /** 已销号, waiting for the revisit. */
    CLOSED,
    /** 回头看: no rebound. */
    CONSOLIDATED,
    /** 回头看: rebounded; a linked new problem carries on. */
    REBOUNDED,
    /** 已合并: a duplicate report (重复件) merged into the open problem it repeats, which carries on for both. */
    MERGED;

    /** Whether a problem is still being handled: awaiting registration or registered and not closed. */
    public boolean isOpen() {
        return this == REPORTED || this == REGISTERED;
    }
}
