package org.qingfeng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/** A repeated miss proposes the department head for the work-style watch list (作风观察名单). */
@Component("proposeWatchList")
public class ProposeWatchListDelegate implements JavaDelegate {

    private final ProblemLedger ledger;

    public ProposeWatchListDelegate(ProblemLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.record(ProblemContext.problemId(execution), EventType.WATCH_LIST_PROPOSED, ProblemContext.actor(execution),
                execution.getCurrentActivityId(), "提出将科室负责人列入作风观察名单");
    }
}
