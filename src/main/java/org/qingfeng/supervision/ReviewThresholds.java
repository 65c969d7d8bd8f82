package org.qingfeng.supervision;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** A department's rectification-rate threshold from the review-threshold table, for the configured organisation type. */
@Component
public class ReviewThresholds {

    private final DecisionService decisions;
    private final ReviewSettings settings;

    public ReviewThresholds(DecisionService decisions, ReviewSettings settings) {
        this.decisions = decisions;
        this.settings = settings;
    }

    public double of(String departmentId) {
        Map<String, Object> inputs = Map.of("organisationType", settings.organisationType(), "departmentId", departmentId);
        Number threshold = decisions.evaluateDecisionByKey(MonthlyReview.THRESHOLD_DECISION).variables(inputs).evaluate()
                .getSingleResult().getEntry("threshold");
        return threshold.doubleValue();
    }
}
