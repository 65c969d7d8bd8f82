package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.EVALUATION_DUE_AT;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.EXTERNAL_ORIGIN;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.stereotype.Component;

/**
 * 满意度测评 must be done within the evaluation window after rectification; sets the task's due date. Also tells the
 * form, its listeners and the evaluation rule whether service recipients rate this problem too ({@code externalOrigin},
 * from the ledger row): a report does not carry the flag as a variable from its start, as nothing before the
 * evaluation needs it.
 */
@Component("openEvaluation")
public class OpenEvaluationListener implements ExecutionListener {

    private final Deadlines deadlines;
    private final ProblemLedger ledger;

    public OpenEvaluationListener(Deadlines deadlines, ProblemLedger ledger) {
        this.deadlines = deadlines;
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(EVALUATION_DUE_AT, deadlines.evaluationDue());
        execution.setVariable(EXTERNAL_ORIGIN, ledger.find(ProblemContext.problemId(execution)).orElseThrow().externalOrigin());
    }
}
