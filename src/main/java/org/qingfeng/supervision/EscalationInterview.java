package org.qingfeng.supervision;

/** Names shared by processes/escalation-interview.bpmn, its delegates and its tests. */
public final class EscalationInterview {

    public static final String PROCESS_KEY = "escalationInterview";

    private EscalationInterview() {
    }

    public static final class Elements {
        public static final String SCHEDULE_INTERVIEW = "scheduleInterviewUserTask";
        public static final String HOLD_INTERVIEW = "holdInterviewUserTask";
        public static final String INTERVIEW_COMPLETED = "interviewCompletedEndEvent";
        public static final String WATCH_LIST_PROPOSED = "watchListProposedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        // passed in by the problem lifecycle
        public static final String ESCALATION_LEVEL = "escalationLevel";
        public static final String MISSED_DEADLINE = "missedDeadline";
        // escalation-routing DMN result
        public static final String INTERVIEW_ROUTE = "interviewRoute";
        public static final String INTERVIEWER_ROLE = "interviewerRole";
        public static final String INTERVIEW_TITLE = "interviewTitle";
        public static final String PROPOSE_WATCH_LIST = "proposeWatchList";
        public static final String NEW_DEADLINE_WORKING_DAYS = "newDeadlineWorkingDays";
        // set by assignInterviewer
        public static final String INTERVIEWER_GROUP = "interviewerGroup";
        public static final String INTERVIEWER_USER_ID = "interviewerUserId";
        public static final String MISSED_DEADLINE_TEXT = "missedDeadlineText";
        // forms
        public static final String INTERVIEW_TIME = "interviewTime";
        public static final String INTERVIEW_PLACE = "interviewPlace";
        public static final String INTERVIEW_FINDINGS = "interviewFindings";
        public static final String INTERVIEW_COMMITMENTS = "interviewCommitments";
        public static final String NEW_DEADLINE = "newDeadline";

        private Variables() {
        }
    }

    /** Who interviews, as named in the escalation-routing DMN table. */
    public static final class Roles {
        public static final String SUPERVISING_LEADER = "supervisingLeader";
        public static final String MAIN_LEADER = "mainLeader";
        public static final String DISCIPLINE_INSPECTION = "disciplineInspection";

        private Roles() {
        }
    }
}
