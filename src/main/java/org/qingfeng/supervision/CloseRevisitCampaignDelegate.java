package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 回头看批次办结: closes the campaign record with the office's conclusion. */
@Component("closeRevisitCampaign")
public class CloseRevisitCampaignDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CloseRevisitCampaignDelegate.class);

    private final RevisitCampaigns campaigns;

    public CloseRevisitCampaignDelegate(RevisitCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        campaigns.close(campaignId, ProblemContext.string(execution, CAMPAIGN_CONCLUSION), ProblemContext.actor(execution));
        LOG.info("revisit campaign closed id={} half={} sampled={} rebounds={}", campaignId,
                execution.getVariable(CAMPAIGN_HALF), execution.getVariable(SAMPLED_COUNT), execution.getVariable(REBOUND_COUNT));
    }
}
