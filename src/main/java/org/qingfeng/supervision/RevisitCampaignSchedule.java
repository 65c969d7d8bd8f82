package org.qingfeng.supervision;

import org.springframework.stereotype.Component;

/**
 * The campaign's timer cycle for processes/half-year-revisit.bpmn, {@code ${revisitCampaignSchedule.cycle}}:
 * a bean with a plain name, because the settings record's bean name cannot be written in an expression.
 */
@Component("revisitCampaignSchedule")
public class RevisitCampaignSchedule {

    private final RevisitCampaignSettings settings;

    public RevisitCampaignSchedule(RevisitCampaignSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.schedule();
    }
}
