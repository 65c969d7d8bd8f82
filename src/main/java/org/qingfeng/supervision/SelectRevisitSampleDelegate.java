package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 抽取回头看问题: draws the campaign's sample and notes it on each sampled problem's timeline. */
@Component("selectRevisitSample")
public class SelectRevisitSampleDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SelectRevisitSampleDelegate.class);

    private final RevisitCampaigns campaigns;
    private final RevisitSampling sampling;
    private final ProblemLedger ledger;

    public SelectRevisitSampleDelegate(RevisitCampaigns campaigns, RevisitSampling sampling, ProblemLedger ledger) {
        this.campaigns = campaigns;
        this.sampling = sampling;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        RevisitCampaigns.Campaign campaign = campaigns.find(campaignId).orElseThrow();
        String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
        RevisitSampling.Selection selection = sampling.select(campaign.half(), campaign.sampleShare(), deploymentId);
        campaigns.sampled(campaignId, selection.closed(), selection.picks());
        String actor = ProblemContext.actor(execution);
        for (RevisitSampler.Pick pick : selection.picks()) {
            ledger.record(pick.problemId(), EventType.REVISIT_SAMPLED, actor, execution.getCurrentActivityId(),
                    "列入" + campaign.half().label() + "整改回头看（" + (pick.easyToRebound() ? "易反弹类别，逐件回头看" : "随机抽查")
                            + "），完成时限 " + execution.getVariable(CAMPAIGN_DUE_TEXT));
        }
        execution.setVariable(CLOSED_COUNT, selection.closed());
        execution.setVariable(SAMPLED_COUNT, selection.picks().size());
        LOG.info("revisit campaign sampled id={} half={} closed={} sampled={}", campaignId, campaign.half(),
                selection.closed(), selection.picks().size());
    }
}
