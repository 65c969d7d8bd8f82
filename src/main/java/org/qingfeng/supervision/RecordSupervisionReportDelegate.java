package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 督办进展入台账: the cycle's report becomes a ledger row (the timeline already has the completed task). The form's
 * values are then dropped from the process, so the next cycle's form starts empty and must be filled in anew.
 */
@Component("recordSupervisionReport")
public class RecordSupervisionReportDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordSupervisionReportDelegate.class);

    private final SpecialSupervisions supervisions;

    public RecordSupervisionReportDelegate(SpecialSupervisions supervisions) {
        this.supervisions = supervisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ProblemContext.integer(execution, REPORT_ROUND);
        String expected = ProblemContext.string(execution, EXPECTED_COMPLETION);
        supervisions.reported(supervisionId(execution), round, ProblemContext.date(execution, REPORT_DUE_AT),
                ProblemContext.string(execution, PROGRESS), ProblemContext.string(execution, DIFFICULTIES),
                ProblemContext.string(execution, NEXT_STEPS),
                expected == null || expected.isBlank() ? null : LocalDate.parse(expected.substring(0, 10)),
                ProblemContext.actor(execution));
        execution.removeVariables(List.of(PROGRESS, DIFFICULTIES, NEXT_STEPS, EXPECTED_COMPLETION));
        LOG.info("special supervision report recorded key={} round={}", execution.getProcessBusinessKey(), round);
    }

    static long supervisionId(DelegateExecution execution) {
        return ((Number) execution.getVariable(SUPERVISION_ID)).longValue();
    }
}
