package org.qingfeng.rectification;

/** Names shared by processes/problem-lifecycle.bpmn, its delegates and its tests. */
public final class ProblemLifecycle {

    public static final String PROCESS_KEY = "problemLifecycle";
    public static final String DEADLINE_CHANGED_MESSAGE = "deadlineChanged";

    private ProblemLifecycle() {
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "problemReportedStartEvent";
        public static final String REGISTER_PROBLEM = "registerProblemUserTask";
        public static final String PROBLEM_REJECTED = "problemRejectedEndEvent";
        public static final String MERGE_PROBLEM = "mergeProblemServiceTask";
        public static final String PROBLEM_MERGED = "problemMergedEndEvent";
        public static final String DETERMINE_DEADLINE = "determineDeadlineBusinessRuleTask";
        public static final String CLAIM_RESPONSIBILITY = "claimResponsibilityUserTask";
        public static final String CLAIM_OVERDUE_TIMER = "claimOverdueTimerEvent";
        public static final String CLAIM_REMINDED = "claimRemindedEndEvent";
        public static final String REVIEW_RETURN = "reviewReturnUserTask";
        public static final String RECTIFICATION = "rectificationSubProcess";
        public static final String PLAN_RECTIFICATION = "planRectificationUserTask";
        public static final String IMPLEMENT_RECTIFICATION = "implementRectificationUserTask";
        public static final String REVIEW_EXTENSION = "reviewExtensionUserTask";
        public static final String VERIFY_RECTIFICATION = "verifyRectificationUserTask";
        public static final String DEADLINE_WATCH = "deadlineWatchSubProcess";
        public static final String YELLOW_WARNING_TIMER = "yellowWarningDueTimerEvent";
        public static final String DEADLINE_REACHED_TIMER = "deadlineReachedTimerEvent";
        public static final String ESCALATION_INTERVIEW = "escalationInterviewCallActivity";
        public static final String EVALUATE_SATISFACTION = "evaluateSatisfactionUserTask";
        public static final String CLOSE_PROBLEM = "closeProblemUserTask";
        public static final String REVISIT_TIMER = "revisitDueTimerEvent";
        public static final String REVISIT_PROBLEM = "revisitProblemUserTask";
        public static final String PROBLEM_CONSOLIDATED = "problemConsolidatedEndEvent";
        public static final String PROBLEM_REBOUND = "problemReboundEndEvent";

        private Elements() {
        }
    }

    /** Process variables. Ids and small facts only; the record itself lives in the ledger. */
    public static final class Variables {
        // set at start
        public static final String PROBLEM_ID = "problemId";
        public static final String PROBLEM_NUMBER = "problemNumber";
        /** Who received the report (首问负责), when not the user who starts the instance; a start input for the ledger. */
        public static final String REPORTED_BY = "reportedBy";
        /** When the reporter reported, if a channel received it earlier than now (a suggestion box, a visit). */
        public static final String REPORTED_AT = "reportedAt";
        /** Service recipients rate this problem too (双满意度); set from the ledger when the evaluation opens. */
        public static final String EXTERNAL_ORIGIN = "externalOrigin";
        public static final String REBOUND_OF = "reboundOf";
        /** A rebound is registered at least this severe (从严从重). */
        public static final String MINIMUM_SEVERITY = "minimumSeverity";
        // report-problem form
        public static final String CHANNEL = "channel";
        public static final String REPORTER_TYPE = "reporterType";
        public static final String DEPARTMENT_HINT = "departmentHint";
        public static final String PLACE = "place";
        public static final String PROBLEM_DESCRIPTION = "problemDescription";
        // register-problem form
        public static final String REGISTRATION_DECISION = "registrationDecision";
        public static final String CATEGORY = "category";
        public static final String SEVERITY = "severity";
        public static final String RESPONSIBLE_DEPARTMENT = "responsibleDepartment";
        public static final String RESPONSIBLE_PERSON = "responsiblePerson";
        public static final String DEADLINE_OVERRIDE = "deadlineOverride";
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String REJECTION_COMMENT = "rejectionComment";
        /** A form option list, never a variable: the departments to choose from ({@link DepartmentOptions}). */
        public static final String DEPARTMENT_OPTIONS = "departmentOptions";
        /** Ledger number of the open problem a duplicate report is merged into (合并重复件). */
        public static final String MERGE_TARGET = "mergeTarget";
        /**
         * A form option list, never a variable: the open problems the report may repeat, the form's choices for
         * {@link #MERGE_TARGET} ({@link DuplicateCandidateOptions}).
         */
        public static final String DUPLICATE_CANDIDATES = "duplicateCandidates";
        // deadlines
        public static final String DEADLINE_RULE = "deadlineRule";
        public static final String RECTIFICATION_WORKING_DAYS = "rectificationWorkingDays";
        public static final String CLAIM_WORKING_DAYS = "claimWorkingDays";
        public static final String YELLOW_WARNING_WORKING_DAYS = "yellowWarningWorkingDays";
        public static final String CLAIM_DEADLINE = "claimDeadline";
        public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
        public static final String RECTIFICATION_DEADLINE_TEXT = "rectificationDeadlineText";
        public static final String YELLOW_WARNING_AT = "yellowWarningAt";
        // what a deadline counted in working days was counted from (yyyy-MM-dd) and how many, so that a change of
        // the working-day calendar can count it again; absent when the deadline is a date a person chose
        public static final String DEADLINE_START = "deadlineStart";
        public static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
        public static final String CLAIM_DEADLINE_START = "claimDeadlineStart";
        public static final String CLAIM_DEADLINE_WORKING_DAYS = "claimDeadlineWorkingDays";
        public static final String DEPARTMENT_GROUP = "departmentGroup";
        public static final String DEPARTMENT_HEAD_GROUP = "departmentHeadGroup";
        // claim and return
        public static final String CLAIM_DECISION = "claimDecision";
        public static final String RETURN_REASON = "returnReason";
        public static final String RETURN_REVIEW_DECISION = "returnReviewDecision";
        public static final String RETURN_REVIEW_COMMENT = "returnReviewComment";
        // rectification
        public static final String RECTIFICATION_PLAN = "rectificationPlan";
        public static final String PROGRESS_ACTION = "progressAction";
        public static final String PROGRESS_REPORT = "progressReport";
        public static final String REQUESTED_DEADLINE = "requestedDeadline";
        public static final String EXTENSION_REASON = "extensionReason";
        public static final String EXTENSION_DECISION = "extensionDecision";
        public static final String EXTENSION_COMMENT = "extensionComment";
        public static final String VERIFICATION_DECISION = "verificationDecision";
        public static final String VERIFICATION_FINDINGS = "verificationFindings";
        // warnings and escalation; they survive loops back into rectification
        public static final String WARNING_COLOUR = "warningColour";
        public static final String REMINDER_COUNT = "reminderCount";
        public static final String EXTENSION_COUNT = "extensionCount";
        public static final String ESCALATION_LEVEL = "escalationLevel";
        public static final String INTERVIEW_DEADLINE = "interviewDeadline";
        // evaluation, closure, revisit
        public static final String EVALUATION_DUE_AT = "evaluationDueAt";
        public static final String INTERNAL_SATISFACTION = "internalSatisfaction";
        /** The evaluator's survey of service recipients, in percent; may be left empty when enough ratings count. */
        public static final String RECIPIENT_SATISFACTION = "recipientSatisfaction";
        /** How many service recipients answered that survey; needed when ratings are pooled with it. */
        public static final String RECIPIENT_RESPONDENTS = "recipientRespondents";
        public static final String EVALUATION_NOTE = "evaluationNote";
        /** 举报人评价 (群众评议) of the department and how it counts, shown read-only in the evaluation form. */
        public static final String REPORTER_RATINGS = "reporterRatings";
        /** The ratings counted on the service recipients' side when the evaluation opened, and how many are satisfied. */
        public static final String PUBLIC_RATING_COUNT = "publicRatingCount";
        public static final String PUBLIC_RATING_SATISFIED = "publicRatingSatisfied";
        /** Their satisfied share in percent, null without ratings. */
        public static final String PUBLIC_RATING_PERCENT = "publicRatingPercent";
        /** From how many ratings on they may decide without a survey. */
        public static final String PUBLIC_RATINGS_ALONE = "publicRatingsAlone";
        /** The service recipients' rate the satisfaction decision compares: survey and ratings together. */
        public static final String COMBINED_RECIPIENT_SATISFACTION = "combinedRecipientSatisfaction";
        /** How the evaluation's rates came about, in words, for the steps after it. */
        public static final String SATISFACTION_BASIS = "satisfactionBasis";
        public static final String SATISFACTION_MET = "satisfactionMet";
        public static final String OFFICIAL_REPLY = "officialReply";
        public static final String REVISIT_DUE_AT = "revisitDueAt";
        public static final String REVISIT_OUTCOME = "revisitOutcome";
        public static final String REVISIT_FINDINGS = "revisitFindings";
        public static final String REBOUND_PROBLEM_NUMBER = "reboundProblemNumber";

        private Variables() {
        }
    }

    /** Allowed values of decision variables. */
    public static final class Values {
        public static final String ACCEPT = "accept";
        public static final String REJECT = "reject";
        public static final String MERGE = "merge";
        public static final String RETURN = "return";
        public static final String UPHOLD = "uphold";
        public static final String REASSIGN = "reassign";
        public static final String PROGRESS = "progress";
        public static final String EXTENSION = "extension";
        public static final String COMPLETED = "completed";
        public static final String APPROVE = "approve";
        public static final String REFUSE = "refuse";
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
        public static final String CONSOLIDATED = "consolidated";
        public static final String REBOUND = "rebound";
        public static final String CHANNEL_REVISIT = "revisit";

        private Values() {
        }
    }
}
