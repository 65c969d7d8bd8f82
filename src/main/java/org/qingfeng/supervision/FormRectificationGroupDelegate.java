package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialRectificationGroup.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 组建专项整改小组: the group and its goal are entered in the ledger and on the timeline of every problem behind it. */
@Component("formRectificationGroup")
public class FormRectificationGroupDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(FormRectificationGroupDelegate.class);

    private final RectificationGroupProposals proposals;
    private final ProblemLedger ledger;
    private final Deadlines deadlines;

    public FormRectificationGroupDelegate(RectificationGroupProposals proposals, ProblemLedger ledger, Deadlines deadlines) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long proposalId = proposalId(execution);
        Date deadline = deadlines.futureDeadline(GROUP_DEADLINE, "完成时限", execution.getVariable(GROUP_DEADLINE));
        String actor = ProblemContext.actor(execution);
        String leader = ProblemContext.string(execution, GROUP_LEADER);
        String members = ProblemContext.string(execution, GROUP_MEMBERS);
        String goal = ProblemContext.string(execution, GROUP_GOAL);
        proposals.accept(proposalId, actor, leader, members, goal, deadline);
        String detail = "分管领导同意组建专项整改小组：组长 " + leader + "；成员 " + members + "；整改目标 " + goal
                + "；完成时限 " + deadlines.display(deadline);
        for (long problemId : proposals.problemIds(proposalId)) {
            ledger.record(problemId, EventType.RECTIFICATION_GROUP_FORMED, actor, execution.getCurrentActivityId(), detail);
        }
        LOG.info("rectification group formed proposalId={}", proposalId);
    }

    static long proposalId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PROPOSAL_ID)).longValue();
    }
}
