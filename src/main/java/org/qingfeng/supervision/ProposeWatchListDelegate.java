package org.qingfeng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/** A repeated miss proposes the department head for the work-style watch list (作风观察名单). */
@Component("proposeWatchList")
public class ProposeWatchListDelegate implements JavaDelegate {

    private final ProblemLedger ledger;
    private final LedgerRecords records;

    public ProposeWatchListDelegate(ProblemLedger ledger, LedgerRecords records) {
        this.ledger = ledger;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.watchListProposed(ProblemContext.problemId(execution));
        ledger.record(ProblemContext.problemId(execution), EventType.WATCH_LIST_PROPOSED, ProblemContext.actor(execution),
                execution.getCurrentActivityId(), "提出将科室负责人列入作风观察名单");
    }
}
