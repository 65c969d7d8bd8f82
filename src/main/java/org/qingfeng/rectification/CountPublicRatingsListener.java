package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.springframework.stereotype.Component;

/**
 * 满意度测评 opens: counts the ratings (群众评议) of the responsible department that the service recipients' side
 * will count, for the form to show, figures only, no reporter named. The survey fields start empty in every round:
 * a re-evaluation after re-planned rectification is a new survey, and a value left over from the last round must
 * not stand in for one the evaluator meant to leave empty.
 */
@Component("countPublicRatings")
public class CountPublicRatingsListener implements TaskListener {

    private static final List<String> EVALUATOR_INPUTS =
            List.of(INTERNAL_SATISFACTION, RECIPIENT_SATISFACTION, RECIPIENT_RESPONDENTS, EVALUATION_NOTE);

    private final RecipientSatisfaction satisfaction;
    private final ProblemLedger ledger;

    public CountPublicRatingsListener(RecipientSatisfaction satisfaction, ProblemLedger ledger) {
        this.satisfaction = satisfaction;
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateTask task) {
        ProblemRecord problem = ledger.find(ProblemContext.problemId(task)).orElseThrow();
        boolean external = problem.externalOrigin();
        RecipientSatisfaction.Counted counted = satisfaction.counted(problem.departmentId(), task.getCreateTime());
        EVALUATOR_INPUTS.forEach(input -> task.setVariable(input, null));
        setCounted(task, counted);
        task.setVariable(PUBLIC_RATINGS_ALONE, satisfaction.publicRatingsAlone());
        task.setVariable(REPORTER_RATINGS, satisfaction.shown(external, counted));
    }

    static void setCounted(DelegateTask task, RecipientSatisfaction.Counted counted) {
        task.setVariable(PUBLIC_RATING_COUNT, counted.tally().ratings());
        task.setVariable(PUBLIC_RATING_SATISFIED, counted.tally().satisfied());
        task.setVariable(PUBLIC_RATING_PERCENT,
                counted.tally().satisfiedPercent() == null ? null : counted.tally().satisfiedPercent().doubleValue());
    }
}
