package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemStatus;
import org.springframework.stereotype.Component;

/**
 * 回头看 result: consolidated, or rebounded (反弹), in which case the entry is marked. Used by the problem lifecycle's
 * own revisit and by the half-year revisit campaign alike.
 */
@Component("recordRevisit")
public class RecordRevisitDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final LedgerRecords records;

    public RecordRevisitDelegate(ProblemLedger ledger, LedgerRecords records) {
        this.ledger = ledger;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean rebound = ProblemLifecycle.Values.REBOUND.equals(ProblemContext.string(execution, REVISIT_OUTCOME));
        long id = ProblemContext.problemId(execution);
        records.revisit(id, ProblemContext.string(execution, REVISIT_OUTCOME), ProblemContext.string(execution, REVISIT_FINDINGS),
                ProblemContext.actor(execution));
        // a problem revisited twice (its own revisit and a half-year campaign's) stays rebounded once it has
        if (ledger.find(id).orElseThrow().status() != ProblemStatus.REBOUNDED) {
            ledger.finish(id, rebound ? ProblemStatus.REBOUNDED : ProblemStatus.CONSOLIDATED);
        }
        ledger.record(id, EventType.REVISITED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                (rebound ? "问题反弹：" : "整改成果巩固：") + ProblemContext.string(execution, REVISIT_FINDINGS));
    }
}
