package org.qingfeng.supervision;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;
import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/**
 * Starts one sampled problem's revisit: the facts its task shows, and the variables its form and steps fill in,
 * all local to this instance of the multi-instance sub-process so that parallel revisits never share a value.
 */
@Component("prepareCampaignRevisit")
public class PrepareCampaignRevisitListener implements ExecutionListener {

    private final RevisitCampaigns campaigns;
    private final LedgerLabels labels;
    private final Deadlines deadlines;

    public PrepareCampaignRevisitListener(RevisitCampaigns campaigns, LedgerLabels labels, Deadlines deadlines) {
        this.campaigns = campaigns;
        this.labels = labels;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        RevisitCampaigns.SampledProblem problem = campaigns.sampledProblem(campaignId, ProblemContext.problemId(execution));
        execution.setVariableLocal(PROBLEM_NUMBER, problem.number());
        execution.setVariableLocal(PROBLEM_DESCRIPTION, problem.description());
        execution.setVariableLocal(OFFICIAL_REPLY, problem.officialReply());
        execution.setVariableLocal(DEPARTMENT_NAME, problem.departmentName());
        execution.setVariableLocal(CATEGORY_LABEL, labels.category(problem.category()));
        execution.setVariableLocal(CLOSED_AT_TEXT, deadlines.display(problem.closedAt()));
        execution.setVariableLocal(SAMPLE_REASON, problem.easyToRebound() ? "易反弹类别，逐件回头看" : "随机抽查");
        for (String filledInLater : new String[] {REVISIT_METHOD, REVISIT_OUTCOME, REVISIT_FINDINGS, REBOUND_PROBLEM_NUMBER}) {
            execution.setVariableLocal(filledInLater, null);
        }
    }
}
