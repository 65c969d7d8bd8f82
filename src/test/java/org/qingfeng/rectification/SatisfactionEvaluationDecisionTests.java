package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

/**
 * The rows of processes/satisfaction-evaluation.dmn (满意度评定), as designers may change them in the Modeler. The
 * service recipients' input is the combined rate: the survey with 群众评议, or either alone (RecipientSatisfaction).
 */
class SatisfactionEvaluationDecisionTests extends ProcessTestSupport {

    @Test
    void aProblemFromOutsideNeedsBothSidesAtEightyFivePercent() {
        assertThat(met(true, 90.0, 85.0)).isTrue();
        assertThat(met(true, 85.0, 100.0)).isTrue();
        assertThat(met(true, 90.0, 84.9)).isFalse();
        assertThat(met(true, 84.9, 95.0)).isFalse();
    }

    @Test
    void theCombinedRateDecidesNotTheSurveyEntered() {
        // a survey of 95 % that the public's ratings pull down to 72.2 % fails; a survey of 80 % lifted to 85 % passes
        assertThat(met(true, 95.0, 72.2, 95.0)).isFalse();
        assertThat(met(true, 95.0, 85.0, 80.0)).isTrue();
    }

    @Test
    void aProblemFromOutsideWithoutARecipientRateFails() {
        assertThat(met(true, 95.0, null)).isFalse();
    }

    @Test
    void anInternalProblemIsJudgedOnStaffAlone() {
        assertThat(met(false, 85.0, null)).isTrue();
        assertThat(met(false, 85.0, 10.0)).isTrue();
        assertThat(met(false, 84.9, null)).isFalse();
    }

    private boolean met(boolean external, Double internal, Double combined) {
        return met(external, internal, combined, null);
    }

    private boolean met(boolean external, Double internal, Double combined, Double survey) {
        VariableMap variables = Variables.createVariables()
                .putValue(EXTERNAL_ORIGIN, external)
                .putValue(INTERNAL_SATISFACTION, internal)
                .putValue(COMBINED_RECIPIENT_SATISFACTION, combined)
                .putValue(RECIPIENT_SATISFACTION, survey);
        return engine.getDecisionService().evaluateDecisionByKey("satisfactionEvaluation").variables(variables).evaluate()
                .getSingleResult().getSingleEntry();
    }
}
