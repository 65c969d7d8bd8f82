package org.qingfeng.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Date;

/** One 廉洁提醒函 as the ledger holds it: why it was raised, what it said, how the department answered. */
public record IntegrityLetter(
        long id,
        String number,
        String departmentId,
        String departmentName,
        String periodKey,
        Origin origin,
        String reason,
        int windowDays,
        int complaintsInWindow,
        String latestMonthLabel,
        int complaintsLatestMonth,
        String previousMonthLabel,
        int complaintsPreviousMonth,
        Double risePercent,
        Status status,
        Date raisedAt,
        String raisedBy,
        String letterText,
        Date sentAt,
        String sentBy,
        String cancelReason,
        Date replyDue,
        int replyRounds,
        String replyText,
        String replyMeasures,
        Date repliedAt,
        String repliedBy,
        String reviewComment,
        int escalationCount,
        Date escalatedAt,
        String escalatedTo,
        Date closedAt) {

    /** Where the letter stands. */
    public enum Status {
        DRAFTING("起草中"),
        AWAITING_REPLY("待答复"),
        UNDER_REVIEW("答复审核中"),
        CLOSED("已办结"),
        CANCELLED("不予发函"),
        WITHDRAWN("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who raised the letter. */
    public enum Origin {
        SCAN("预警研判"),
        MANUAL("纪检监察发起");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The letter number is the business key of its process: one letter per department and month. */
    public static String number(String departmentId, String periodKey) {
        return "LJ-" + periodKey + "-" + departmentId;
    }

    public static String documentPath(long id) {
        return "/api/integrity-letters/" + id;
    }

    @JsonProperty
    public String statusLabel() {
        return status.label();
    }

    @JsonProperty
    public String originLabel() {
        return origin.label();
    }

    /** The printable letter, once it has been sent. */
    @JsonProperty
    public String documentPath() {
        return sentAt == null ? null : documentPath(id);
    }

    /** The reply deadline has passed without a reply while the letter waited for one. */
    public boolean escalated() {
        return escalationCount > 0;
    }
}
