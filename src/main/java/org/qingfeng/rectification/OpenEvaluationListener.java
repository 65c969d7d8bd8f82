package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.EVALUATION_DUE_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** 满意度测评 must be done within the evaluation window after rectification; sets the task's due date. */
@Component("openEvaluation")
public class OpenEvaluationListener implements ExecutionListener {

    private final Deadlines deadlines;

    public OpenEvaluationListener(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(EVALUATION_DUE_AT, deadlines.evaluationDue());
    }
}
