package org.qingfeng.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 结束专项督办: the problem is closed, so is the order; the problem may be ordered again only if it reopens. */
@Component("endSpecialSupervision")
public class EndSpecialSupervisionDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EndSpecialSupervisionDelegate.class);

    private final SpecialSupervisions supervisions;
    private final ProblemLedger ledger;

    public EndSpecialSupervisionDelegate(SpecialSupervisions supervisions, ProblemLedger ledger) {
        this.supervisions = supervisions;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = RecordSupervisionReportDelegate.supervisionId(execution);
        supervisions.end(id, SpecialSupervisions.EndReason.PROBLEM_CLOSED);
        SpecialSupervisions.Order order = supervisions.find(id).orElseThrow();
        ledger.record(ProblemContext.problemId(execution), EventType.SPECIAL_SUPERVISION_ENDED, ProblemContext.actor(execution),
                execution.getCurrentActivityId(), "问题已销号，专项督办结束：按期报送 " + order.reportsCount() + " 次，逾期未报 "
                        + order.missedCount() + " 次");
        LOG.info("special supervision ended key={} reports={} missed={}", execution.getProcessBusinessKey(),
                order.reportsCount(), order.missedCount());
    }
}
