package org.qingfeng.supervision;

/**
 * Names shared by processes/monthly-ledger-review.bpmn, department-interview.bpmn, watch-list-observation.bpmn,
 * their delegates and tests.
 */
public final class MonthlyReview {

    public static final String PROCESS_KEY = "monthlyLedgerReview";
    public static final String SCHEDULE_PROCESS_KEY = "monthlyLedgerReviewSchedule";
    public static final String INTERVIEW_PROCESS_KEY = "departmentInterview";
    public static final String OBSERVATION_PROCESS_KEY = "watchListObservation";
    public static final String THRESHOLD_DECISION = "reviewThreshold";
    public static final String CONSEQUENCE_DECISION = "reviewConsequence";

    private MonthlyReview() {
    }

    public static final class Elements {
        public static final String SCHEDULED_START = "reviewScheduledStartEvent";
        public static final String DEPARTMENT_INTERVIEWS = "departmentInterviewCallActivity";
        public static final String REVIEW_BULLETIN = "reviewBulletinUserTask";
        public static final String ALREADY_REVIEWED = "alreadyReviewedEndEvent";
        public static final String REVIEW_COMPLETED = "reviewCompletedEndEvent";

        public static final String SCHEDULE_INTERVIEW = "scheduleDepartmentInterviewUserTask";
        public static final String HOLD_INTERVIEW = "holdDepartmentInterviewUserTask";
        public static final String INTERVIEW_COMPLETED = "departmentInterviewCompletedEndEvent";
        public static final String SANCTIONED = "departmentSanctionedEndEvent";

        public static final String OBSERVATION_ENDS = "observationPeriodEndsTimerEvent";
        public static final String ASSESS_OBSERVATION = "assessObservationUserTask";
        public static final String LIFTED = "watchListLiftedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        /** The month under review, {@code yyyy-MM}; given by hand or the month before the timer fired. */
        public static final String REVIEW_MONTH = "reviewMonth";
        /** True when the schedule started the review rather than a person. */
        public static final String SCHEDULED = "scheduled";
        public static final String ALREADY_REVIEWED = "alreadyReviewed";
        public static final String FAILED_DEPARTMENTS = "failedDepartments";
        public static final String FAILED_DEPARTMENT = "failedDepartment";
        public static final String REVIEW_SUMMARY = "reviewSummary";
        public static final String BULLETIN_ID = "bulletinId";
        public static final String BULLETIN_PATH = "bulletinPath";
        public static final String REVIEW_OPINION = "reviewOpinion";
        public static final String ACCOUNTABILITY_DEPARTMENT = "accountabilityDepartment";
        public static final String ACCOUNTABILITY_MEASURE = "accountabilityMeasure";
        public static final String ACCOUNTABILITY_REASON = "accountabilityReason";

        // department interview
        public static final String DEPARTMENT_ID = "departmentId";
        public static final String REVIEW_ID = "reviewId";
        public static final String CONSECUTIVE_FAILURES = "consecutiveFailures";
        public static final String CONSEQUENCE = "reviewConsequence";
        public static final String SANCTION = "sanction";
        public static final String INTERVIEW_TITLE = "interviewTitle";
        public static final String INTERVIEWER_GROUP = "interviewerGroup";
        public static final String INTERVIEWER_USER_ID = "interviewerUserId";
        public static final String REVIEW_FIGURES = "reviewFigures";
        public static final String INTERVIEW_DUE = "interviewDue";
        public static final String INTERVIEW_TIME = "interviewTime";
        public static final String INTERVIEW_PLACE = "interviewPlace";
        public static final String INTERVIEW_FINDINGS = "interviewFindings";
        public static final String INTERVIEW_COMMITMENTS = "interviewCommitments";

        // watch list observation
        public static final String WATCH_LIST_ENTRY_ID = "watchListEntryId";
        public static final String OBSERVE_UNTIL = "observeUntil";
        public static final String OBSERVATION_DECISION = "observationDecision";
        public static final String OBSERVATION_ASSESSMENT = "observationAssessment";
        public static final String EXTEND_MONTHS = "extendMonths";

        private Variables() {
        }
    }

    public static final class Values {
        public static final String LIFT = "lift";
        public static final String EXTEND = "extend";
        public static final String NO_MEASURE = "none";

        private Values() {
        }
    }
}
