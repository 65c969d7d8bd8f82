package org.qingfeng.supervision;

import org.qingfeng.engine.WithoutAuthorization;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** A department's rectification-rate threshold from the review-threshold table, for the configured organisation type. */
@Component
public class ReviewThresholds {

    private final DecisionService decisions;
    private final ReviewSettings settings;
    private final WithoutAuthorization withoutAuthorization;

    public ReviewThresholds(DecisionService decisions, ReviewSettings settings, WithoutAuthorization withoutAuthorization) {
        this.decisions = decisions;
        this.settings = settings;
        this.withoutAuthorization = withoutAuthorization;
    }

    public double of(String departmentId) {
        Map<String, Object> inputs = Map.of("organisationType", settings.organisationType(), "departmentId", departmentId);
        // a rule of the organisation, looked up for whoever reads the dashboard, not a decision they take
        Number threshold = withoutAuthorization.call(() -> decisions.evaluateDecisionByKey(MonthlyReview.THRESHOLD_DECISION)
                .variables(inputs).evaluate().getSingleResult().getEntry("threshold"));
        return threshold.doubleValue();
    }
}
