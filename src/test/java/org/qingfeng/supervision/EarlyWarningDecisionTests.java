package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

/** The rows of processes/early-warning.dmn (作风预警), as designers may change them in the Modeler. */
class EarlyWarningDecisionTests extends ProcessTestSupport {

    @Test
    void threeComplaintsInTheWindowWarn() {
        assertThat(decide(3, 0, 0, null)).containsEntry("warn", true).containsEntry("reason", "近30日内连续被投诉3次");
        assertThat(decide(7, 7, 0, null)).containsEntry("warn", true).containsEntry("reason", "近30日内连续被投诉7次");
    }

    @Test
    void aRiseOfThirtyPercentFromABaseOfThreeWarns() {
        assertThat(decide(1, 4, 3, 33.3)).containsEntry("warn", true)
                .containsEntry("reason", "2026年8月投诉量环比上升33%（2026年7月3次，2026年8月4次）");
        assertThat(decide(2, 13, 10, 30.0)).containsEntry("warn", true);
    }

    @Test
    void belowTheThresholdsNothingWarns() {
        assertThat(decide(2, 2, 2, 0.0)).containsEntry("warn", false).containsEntry("reason", "");
        // 1 → 2 is +100 %, but from a base too small to mean anything
        assertThat(decide(2, 2, 1, 100.0)).containsEntry("warn", false);
        assertThat(decide(2, 12, 10, 20.0)).containsEntry("warn", false);
        // nothing to compare with last month
        assertThat(decide(2, 2, 0, null)).containsEntry("warn", false);
    }

    @Test
    void aDepartmentMeetingBothRulesIsWarnedForTheRepeatedComplaints() {
        assertThat(decide(4, 4, 3, 33.3)).containsEntry("reason", "近30日内连续被投诉4次");
    }

    private Map<String, Object> decide(int inWindow, int latestMonth, int previousMonth, Double risePercent) {
        VariableMap variables = Variables.createVariables()
                .putValue(EarlyWarningScan.Variables.WINDOW_DAYS, 30)
                .putValue(EarlyWarningScan.Variables.COMPLAINTS_IN_WINDOW, inWindow)
                .putValue(EarlyWarningScan.Variables.LATEST_MONTH_LABEL, "2026年8月")
                .putValue(EarlyWarningScan.Variables.COMPLAINTS_LATEST_MONTH, latestMonth)
                .putValue(EarlyWarningScan.Variables.PREVIOUS_MONTH_LABEL, "2026年7月")
                .putValue(EarlyWarningScan.Variables.COMPLAINTS_PREVIOUS_MONTH, previousMonth)
                .putValue(EarlyWarningScan.Variables.COMPLAINT_RISE_PERCENT, risePercent);
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey(EarlyWarningScan.DECISION_KEY).variables(variables).evaluate().getSingleResult();
        return result.getEntryMap();
    }
}
