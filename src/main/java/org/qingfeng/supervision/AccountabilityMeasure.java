package org.qingfeng.supervision;

import java.util.Arrays;
import java.util.Optional;

/** 问责 measures named by the source documents (000, 003), with the words the ledger and the bulletin show. */
public enum AccountabilityMeasure {
    CRITICISM_EDUCATION("criticismEducation", "批评教育"),
    SELF_CRITICISM("selfCriticism", "深刻检讨"),
    ADMONITION_TALK("admonitionTalk", "诫勉谈话"),
    AWARD_DISQUALIFICATION("awardDisqualification", "取消评先评优");

    private final String value;
    private final String label;

    AccountabilityMeasure(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The value forms send. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** The measure a form chose; empty for "none" or nothing. */
    public static Optional<AccountabilityMeasure> fromValue(Object value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    /** Where a measure was decided. */
    public enum DecidedIn {
        DEPARTMENT_INTERVIEW("整改率未达标约谈"),
        PROBLEM_INTERVIEW("整改逾期约谈"),
        MONTHLY_REVIEW("党委审议月度通报"),
        CONSECUTIVE_FAILURES("连续未达标");

        private final String label;

        DecidedIn(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
