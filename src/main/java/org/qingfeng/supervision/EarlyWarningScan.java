package org.qingfeng.supervision;

/** Names shared by processes/early-warning-scan.bpmn, processes/early-warning.dmn, their delegates and tests. */
public final class EarlyWarningScan {

    public static final String PROCESS_KEY = "earlyWarningScan";
    public static final String DECISION_KEY = "earlyWarning";

    private EarlyWarningScan() {
    }

    public static final class Elements {
        /** The working-day schedule; the one job that starts every scan. */
        public static final String SCAN_TIMER = "earlyWarningScanTimerStartEvent";
        public static final String ASSESS_DEPARTMENT = "assessDepartmentSubProcess";
        public static final String ASSESS_WARNING = "assessWarningBusinessRuleTask";
        public static final String START_LETTER = "startLetterServiceTask";
        public static final String LETTER_STARTED = "letterStartedEndEvent";
        public static final String NO_WARNING = "noWarningEndEvent";
        public static final String SCAN_COMPLETED = "scanCompletedEndEvent";

        private Elements() {
        }
    }

    public static final class Variables {
        /** The departments assessed in this scan: those without an open or recent letter. */
        public static final String DEPARTMENT_IDS = "assessedDepartmentIds";
        /** One department of the multi-instance, local to its assessment. */
        public static final String DEPARTMENT_ID = "departmentId";
        // inputs of the early-warning table, local to one department's assessment
        public static final String WINDOW_DAYS = "windowDays";
        public static final String COMPLAINTS_IN_WINDOW = "complaintsInWindow";
        public static final String LATEST_MONTH_LABEL = "latestMonthLabel";
        public static final String COMPLAINTS_LATEST_MONTH = "complaintsLatestMonth";
        public static final String PREVIOUS_MONTH_LABEL = "previousMonthLabel";
        public static final String COMPLAINTS_PREVIOUS_MONTH = "complaintsPreviousMonth";
        public static final String COMPLAINT_RISE_PERCENT = "complaintRisePercent";
        // the early-warning table's result: {warn, reason}
        public static final String EARLY_WARNING = "earlyWarning";
        public static final String WARN = "warn";
        public static final String REASON = "reason";

        private Variables() {
        }
    }
}
