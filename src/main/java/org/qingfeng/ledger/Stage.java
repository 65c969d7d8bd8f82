package org.qingfeng.ledger;

/** The step a problem is in, as shown in the ledger. */
public enum Stage {
    REGISTRATION,
    CLAIM,
    RETURN_REVIEW,
    PLANNING,
    RECTIFICATION,
    EXTENSION_REVIEW,
    VERIFICATION,
    EVALUATION,
    CLOSURE,
    AWAITING_REVISIT,
    REVISIT,
    FINISHED
}
