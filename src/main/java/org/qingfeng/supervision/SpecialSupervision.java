package org.qingfeng.supervision;

/** Names shared by processes/special-supervision.bpmn, its delegates and its tests. */
public final class SpecialSupervision {

    public static final String PROCESS_KEY = "specialSupervision";
    /** Correlated by the problem's closure to the order's business key. */
    public static final String PROBLEM_CLOSED_MESSAGE = "problemClosed";
    public static final String START_FORM = "order-special-supervision";
    private static final String BUSINESS_KEY_PREFIX = "DB-";

    private SpecialSupervision() {
    }

    /** The business key of the order on a problem: {@code DB-<ledger number>}. */
    public static String businessKey(String problemNumber) {
        return BUSINESS_KEY_PREFIX + problemNumber;
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String ORDERED = "supervisionOrderedStartEvent";
        public static final String OPEN_REPORT_CYCLE = "openReportCycleServiceTask";
        public static final String REPORT_PROGRESS = "reportProgressUserTask";
        public static final String REPORT_OVERDUE_TIMER = "reportOverdueTimerEvent";
        public static final String CYCLE_ENDED_TIMER = "reportCycleEndedTimerEvent";
        public static final String RECORD_MISSED_REPORT = "recordMissedReportServiceTask";
        public static final String INTERVIEW_DEPARTMENT_HEAD = "interviewDepartmentHeadUserTask";
        public static final String MISS_INTERVIEWED = "missInterviewedEndEvent";
        public static final String PROBLEM_CLOSED = "problemClosedStartEvent";
        public static final String SUPERVISION_ENDED = "supervisionEndedEndEvent";

        private Elements() {
        }
    }

    /** Process variables. Ids and small facts; the order and its reports live in the ledger. */
    public static final class Variables {
        // start form
        public static final String PROBLEM_NUMBER = "problemNumber";
        public static final String REQUIREMENTS = "supervisionRequirements";
        public static final String REPORT_CYCLE = "reportCycle";
        public static final String FINAL_DEADLINE = "finalDeadline";
        // set when ordered
        public static final String ORDERED_BY = "orderedBy";
        public static final String SUPERVISION_ID = "supervisionId";
        /** The same name as in the lifecycle, so completed tasks land on the problem's timeline. */
        public static final String PROBLEM_ID = "problemId";
        public static final String PROBLEM_DESCRIPTION = "problemDescription";
        public static final String FINAL_DEADLINE_TEXT = "finalDeadlineText";
        public static final String MISSED_COUNT = "missedCount";
        // per cycle
        public static final String RESPONSIBLE_DEPARTMENT = "responsibleDepartment";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String DEPARTMENT_GROUP = "departmentGroup";
        public static final String REPORT_ROUND = "reportRound";
        public static final String REPORT_DUE_AT = "reportDueAt";
        public static final String REPORT_DUE_TEXT = "reportDueText";
        // report form
        public static final String PROGRESS = "reportProgress";
        public static final String DIFFICULTIES = "reportDifficulties";
        public static final String NEXT_STEPS = "reportNextSteps";
        public static final String EXPECTED_COMPLETION = "expectedCompletion";
        // a missed report; copied into the interview task's own scope, since reporting goes on meanwhile
        public static final String MISSED_ROUND = "missedRound";
        public static final String MISSED_REPORT_TEXT = "missedReportText";
        public static final String INTERVIEWER_USER_ID = "interviewerUserId";
        public static final String INTERVIEW_DUE_AT = "interviewDueAt";
        public static final String INTERVIEWED_ROUND = "interviewedRound";
        // interview form
        public static final String INTERVIEW_FINDINGS = "missInterviewFindings";
        public static final String INTERVIEW_COMMITMENTS = "missInterviewCommitments";

        private Variables() {
        }
    }
}
