package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the end of every campaign process: a campaign still open then was not closed by its summary — its process was
 * deleted — and is marked cancelled, so that the office can start the half-year again.
 */
@Component("cancelRevisitCampaign")
public class CancelRevisitCampaignListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(CancelRevisitCampaignListener.class);

    private final RevisitCampaigns campaigns;

    public CancelRevisitCampaignListener(RevisitCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(CAMPAIGN_ID);
        if (id != null && campaigns.cancelIfOpen(((Number) id).longValue())) {
            LOG.info("revisit campaign cancelled id={}", id);
        }
    }
}
