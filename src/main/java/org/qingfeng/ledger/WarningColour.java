package org.qingfeng.ledger;

/** 预警: yellow before the deadline, red once it has passed. Only ever rises within one problem. */
public enum WarningColour {
    NONE, YELLOW, RED
}
