package org.qingfeng.intake;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.REPORTER_RATINGS;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/**
 * 满意度测评 of process versions deployed before the ratings counted: shows the evaluator what reporters said of the
 * responsible department (举报人评价, 群众评议) over the past year, as evidence only. Problems still running on such a
 * version may come back to their evaluation, so the listener stays; current versions count the ratings with
 * {@code countPublicRatings} and {@code assessRecipientSatisfaction}. Figures only; no reporter is named.
 */
@Component("showReporterRatings")
public class ShowReporterRatingsListener implements ExecutionListener {

    private final PublicRatings ratings;
    private final ProblemLedger ledger;
    private final BusinessClock clock;

    public ShowReporterRatingsListener(PublicRatings ratings, ProblemLedger ledger, BusinessClock clock) {
        this.ratings = ratings;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ProblemRecord problem = ledger.find(ProblemContext.problemId(execution)).orElseThrow();
        Date now = Date.from(clock.now().toInstant());
        Date yearAgo = Date.from(clock.now().minusYears(1).toInstant());
        execution.setVariable(REPORTER_RATINGS, ratings.summary(problem.departmentId(), yearAgo, new Date(now.getTime() + 1)));
    }
}
