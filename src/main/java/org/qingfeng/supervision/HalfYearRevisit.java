package org.qingfeng.supervision;

/** Names shared by processes/half-year-revisit.bpmn, processes/revisit-sampling.dmn, their delegates and tests. */
public final class HalfYearRevisit {

    public static final String PROCESS_KEY = "halfYearRevisit";
    public static final String SAMPLING_DECISION = "revisitSampling";
    /** Business keys are RV-&lt;half-year&gt;, e.g. RV-2026-H1. */
    public static final String BUSINESS_KEY_PREFIX = "RV-";
    /** Tasklist priority of a revisit that is overdue (the default is 50). */
    public static final int OVERDUE_PRIORITY = 80;

    private HalfYearRevisit() {
    }

    /** BPMN element ids. */
    public static final class Elements {
        /** The timer start event, which the office can also start from Tasklist with its start form. */
        public static final String START = "halfYearDueTimerStartEvent";
        public static final String OPEN_CAMPAIGN = "openCampaignServiceTask";
        public static final String ALREADY_HELD = "campaignAlreadyHeldEndEvent";
        public static final String SELECT_SAMPLE = "selectRevisitSampleServiceTask";
        public static final String REVISIT_PROBLEMS = "revisitProblemsSubProcess";
        public static final String REVISIT_PROBLEM = "revisitSampledProblemUserTask";
        public static final String RECORD_REVISIT = "recordRevisitServiceTask";
        public static final String OPEN_REBOUND = "openReboundProblemServiceTask";
        public static final String RECORD_IN_CAMPAIGN = "recordCampaignRevisitServiceTask";
        public static final String PROBLEM_REVISITED = "problemRevisitedEndEvent";
        public static final String REVISIT_OVERDUE_TIMER = "revisitOverdueTimerEvent";
        public static final String OVERDUE_REMINDED = "overdueRevisitsRemindedEndEvent";
        public static final String SUMMARIZE = "summarizeCampaignServiceTask";
        public static final String REVIEW_SUMMARY = "reviewCampaignSummaryUserTask";
        public static final String CAMPAIGN_CLOSED = "campaignClosedEndEvent";

        private Elements() {
        }
    }

    /**
     * Process variables. Each sampled problem's revisit runs in its own instance of the multi-instance sub-process
     * and keeps its variables there, under the names the problem lifecycle uses ({@code problemId},
     * {@code revisitOutcome}, {@code revisitFindings}, {@code reboundProblemNumber}), so its delegates serve both.
     */
    public static final class Variables {
        // start form
        public static final String CAMPAIGN_HALF = "campaignHalf";
        public static final String SAMPLE_SHARE_PERCENT = "sampleSharePercent";
        public static final String STARTED_BY = "startedBy";
        // set when the campaign opens
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String CAMPAIGN_LABEL = "campaignLabel";
        public static final String CAMPAIGN_ALREADY_HELD = "campaignAlreadyHeld";
        public static final String CAMPAIGN_DUE_AT = "campaignDueAt";
        public static final String CAMPAIGN_DUE_TEXT = "campaignDueText";
        // counts, set by the sample and the summary
        public static final String CLOSED_COUNT = "closedCount";
        public static final String SAMPLED_COUNT = "sampledCount";
        public static final String DONE_COUNT = "doneCount";
        public static final String REBOUND_COUNT = "reboundCount";
        public static final String CAMPAIGN_SUMMARY = "campaignSummary";
        public static final String CAMPAIGN_CONCLUSION = "campaignConclusion";
        // one sampled problem, local to its sub-process instance
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String CATEGORY_LABEL = "categoryLabel";
        public static final String CLOSED_AT_TEXT = "closedAtText";
        public static final String SAMPLE_REASON = "sampleReason";
        public static final String REVISIT_METHOD = "revisitMethod";
        // revisit-sampling DMN
        public static final String EASY_TO_REBOUND = "easyToRebound";
        public static final String SAMPLE_SHARE = "sampleShare";

        private Variables() {
        }
    }

    /** Allowed values of the revisit form's method. */
    public static final class Methods {
        public static final String ON_SITE = "onSite";
        public static final String PHONE = "phone";
        public static final String QUESTIONNAIRE = "questionnaire";

        private Methods() {
        }
    }
}
