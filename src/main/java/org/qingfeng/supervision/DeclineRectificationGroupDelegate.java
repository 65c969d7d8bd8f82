package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialRectificationGroup.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 不予组建: the reason is kept. The problems behind the proposal do not count again; a new proposal needs the
 * category to recur as often once more.
 */
@Component("declineRectificationGroup")
public class DeclineRectificationGroupDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(DeclineRectificationGroupDelegate.class);

    private final RectificationGroupProposals proposals;
    private final ProblemLedger ledger;

    public DeclineRectificationGroupDelegate(RectificationGroupProposals proposals, ProblemLedger ledger) {
        this.proposals = proposals;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long proposalId = FormRectificationGroupDelegate.proposalId(execution);
        String actor = ProblemContext.actor(execution);
        String reason = ProblemContext.string(execution, DECLINE_REASON);
        proposals.decline(proposalId, actor, reason);
        for (long problemId : proposals.problemIds(proposalId)) {
            ledger.record(problemId, EventType.RECTIFICATION_GROUP_DECLINED, actor, execution.getCurrentActivityId(),
                    "分管领导不予组建专项整改小组：" + reason);
        }
        LOG.info("rectification group declined proposalId={}", proposalId);
    }
}
