package org.qingfeng.supervision;

/** Names shared by processes/integrity-reminder.bpmn (廉洁提醒函), its forms, delegates and tests. */
public final class IntegrityReminder {

    public static final String PROCESS_KEY = "integrityReminder";
    /** Starts a letter for a department the early-warning scan flagged. */
    public static final String WARNING_RAISED_MESSAGE = "integrityWarningRaised";

    private IntegrityReminder() {
    }

    public static final class Elements {
        public static final String WARNING_RAISED_START = "earlyWarningRaisedStartEvent";
        public static final String LETTER_REQUESTED_START = "letterRequestedStartEvent";
        public static final String CHOOSE_DEPARTMENT = "chooseDepartmentUserTask";
        public static final String REGISTER_LETTER = "registerLetterServiceTask";
        public static final String DRAFT_LETTER = "draftLetterUserTask";
        public static final String SEND_LETTER = "sendLetterServiceTask";
        public static final String LETTER_CANCELLED = "letterCancelledEndEvent";
        public static final String REPLY_LETTER = "replyLetterUserTask";
        /** Non-interrupting: the reply deadline has passed; the reply task stays open. */
        public static final String REPLY_OVERDUE_TIMER = "replyOverdueTimerEvent";
        public static final String ESCALATE_REPLY = "escalateReplyServiceTask";
        public static final String URGE_REPLY = "urgeReplyUserTask";
        public static final String REPLY_URGED = "replyUrgedEndEvent";
        public static final String REVIEW_REPLY = "reviewReplyUserTask";
        public static final String CLOSE_LETTER = "closeLetterServiceTask";
        public static final String LETTER_CLOSED = "letterClosedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        // start: by the scan's message, or by discipline inspection's start form
        public static final String DEPARTMENT_ID = "departmentId";
        public static final String WARNING_REASON = "warningReason";
        /** {@link Values#ORIGIN_SCAN} when the scan raised the letter. */
        public static final String WARNING_ORIGIN = "warningOrigin";
        public static final String LETTER_REQUESTED_BY = "letterRequestedBy";
        public static final String DEPARTMENT_OPTIONS = "departmentOptions";
        // set when the letter is registered
        public static final String LETTER_ID = "letterId";
        public static final String LETTER_NUMBER = "letterNumber";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String DEPARTMENT_HEAD_GROUP = "departmentHeadGroup";
        public static final String SUPERVISING_LEADER_ID = "supervisingLeaderId";
        public static final String COMPLAINT_SUMMARY = "complaintSummary";
        public static final String LETTER_DOCUMENT_PATH = "letterDocumentPath";
        // draft-integrity-letter form
        public static final String SEND_DECISION = "sendDecision";
        public static final String LETTER_TEXT = "letterText";
        public static final String CANCEL_REASON = "cancelReason";
        // set when the letter is sent
        public static final String REPLY_DUE_TEXT = "replyDueText";
        // reply-integrity-letter form
        public static final String REPLY_TEXT = "replyText";
        public static final String REPLY_MEASURES = "replyMeasures";
        // review-letter-reply form
        public static final String REVIEW_DECISION = "replyReviewDecision";
        public static final String REVIEW_COMMENT = "replyReviewComment";
        // urge-letter-reply form
        public static final String URGE_NOTE = "urgeNote";

        private Variables() {
        }
    }

    /** Allowed values of decision variables. */
    public static final class Values {
        public static final String ORIGIN_SCAN = "scan";
        public static final String SEND = "send";
        public static final String CANCEL = "cancel";
        public static final String ACCEPT = "accept";
        public static final String RETURN = "return";

        private Values() {
        }
    }
}
