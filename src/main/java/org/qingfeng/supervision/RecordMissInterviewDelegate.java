package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/** 约谈情况入台账: the interview over a missed report is kept with that report's row. */
@Component("recordMissInterview")
public class RecordMissInterviewDelegate implements JavaDelegate {

    private final SpecialSupervisions supervisions;

    public RecordMissInterviewDelegate(SpecialSupervisions supervisions) {
        this.supervisions = supervisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        supervisions.interviewed(RecordSupervisionReportDelegate.supervisionId(execution),
                ProblemContext.integer(execution, INTERVIEWED_ROUND), ProblemContext.actor(execution),
                ProblemContext.string(execution, INTERVIEW_FINDINGS), ProblemContext.string(execution, INTERVIEW_COMMITMENTS));
        execution.removeVariables(List.of(INTERVIEW_FINDINGS, INTERVIEW_COMMITMENTS, INTERVIEWED_ROUND));
    }
}
