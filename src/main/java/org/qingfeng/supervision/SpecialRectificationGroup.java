package org.qingfeng.supervision;

/** Names shared by processes/special-rectification-group.bpmn, its delegates and its tests. */
public final class SpecialRectificationGroup {

    public static final String PROCESS_KEY = "specialRectificationGroup";
    /** Starts the process when a registration shows a category recurring in a department. */
    public static final String RECURRING_PROBLEMS_MESSAGE = "recurringProblemsFound";
    private static final String BUSINESS_KEY_PREFIX = "ZG-";

    private SpecialRectificationGroup() {
    }

    /** The business key of the proposal's process: {@code ZG-<proposal id>}. */
    public static String businessKey(long proposalId) {
        return BUSINESS_KEY_PREFIX + proposalId;
    }

    public static final class Elements {
        public static final String RECURRING_PROBLEMS_FOUND = "recurringProblemsFoundStartEvent";
        public static final String DECIDE = "decideRectificationGroupUserTask";
        public static final String GROUP_FORMED = "rectificationGroupFormedEndEvent";
        public static final String GROUP_DECLINED = "rectificationGroupDeclinedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        // set when proposed
        public static final String PROPOSAL_ID = "proposalId";
        public static final String DEPARTMENT_ID = "departmentId";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String CATEGORY = "category";
        public static final String CATEGORY_LABEL = "categoryLabel";
        public static final String PROBLEM_COUNT = "problemCount";
        public static final String RECURRING_PROBLEMS = "recurringProblems";
        public static final String SUPERVISING_LEADER_ID = "supervisingLeaderId";
        public static final String DECISION_DUE_AT = "decisionDueAt";
        // decision form
        public static final String GROUP_DECISION = "groupDecision";
        public static final String GROUP_LEADER = "groupLeader";
        public static final String GROUP_MEMBERS = "groupMembers";
        public static final String GROUP_GOAL = "groupGoal";
        public static final String GROUP_DEADLINE = "groupDeadline";
        public static final String DECLINE_REASON = "declineReason";

        private Variables() {
        }
    }

    public static final class Values {
        public static final String ACCEPT = "accept";
        public static final String DECLINE = "decline";

        private Values() {
        }
    }
}
