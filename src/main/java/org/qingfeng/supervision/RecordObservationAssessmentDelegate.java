package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/** 观察期满评估: lifts the head off the watch list, or keeps them on it for more months. */
@Component("recordObservationAssessment")
public class RecordObservationAssessmentDelegate implements JavaDelegate {

    private final SupervisionRecords records;
    private final Deadlines deadlines;

    public RecordObservationAssessmentDelegate(SupervisionRecords records, Deadlines deadlines) {
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long entryId = ((Number) execution.getVariable(WATCH_LIST_ENTRY_ID)).longValue();
        String assessment = ProblemContext.string(execution, OBSERVATION_ASSESSMENT);
        String actor = ProblemContext.actor(execution);
        if (MonthlyReview.Values.LIFT.equals(execution.getVariable(OBSERVATION_DECISION))) {
            records.observationLifted(entryId, assessment, actor);
            return;
        }
        int months = ProblemContext.integer(execution, EXTEND_MONTHS);
        if (months < 1 || months > 12) {
            throw new InvalidInputException(EXTEND_MONTHS, "延长观察期须为1至12个月");
        }
        Date until = deadlines.endOfWorkingDayFrom(deadlines.today().plusMonths(months));
        execution.setVariable(OBSERVE_UNTIL, until);
        records.observationExtended(entryId, until, assessment, actor);
    }
}
