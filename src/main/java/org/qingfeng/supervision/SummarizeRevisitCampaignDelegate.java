package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.stereotype.Component;

/** 汇总回头看结果: the counts and the rebounds found, for the office's summary (回头看总结). */
@Component("summarizeRevisitCampaign")
public class SummarizeRevisitCampaignDelegate implements JavaDelegate {

    private final RevisitCampaigns campaigns;
    private final LedgerLabels labels;

    public SummarizeRevisitCampaignDelegate(RevisitCampaigns campaigns, LedgerLabels labels) {
        this.campaigns = campaigns;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        RevisitCampaigns.Campaign campaign = campaigns.find(campaignId).orElseThrow();
        RevisitCampaigns.Counts counts = campaigns.counts(campaignId);
        List<RevisitCampaigns.Item> items = campaigns.items(campaignId);
        execution.setVariable(CLOSED_COUNT, campaign.closedProblems());
        execution.setVariable(SAMPLED_COUNT, counts.sampled());
        execution.setVariable(DONE_COUNT, counts.done());
        execution.setVariable(REBOUND_COUNT, counts.rebounds());
        execution.setVariable(CAMPAIGN_SUMMARY, summary(campaign, counts, items));
    }

    private String summary(RevisitCampaigns.Campaign campaign, RevisitCampaigns.Counts counts, List<RevisitCampaigns.Item> items) {
        String half = campaign.half().label();
        if (campaign.closedProblems() == 0) {
            return half + "无已销号问题，本次未抽取回头看问题。";
        }
        long easy = items.stream().filter(RevisitCampaigns.Item::easyToRebound).count();
        StringBuilder text = new StringBuilder(half + "已销号问题 " + campaign.closedProblems() + " 件，抽查 " + counts.sampled()
                + " 件（其中易反弹类别 " + easy + " 件），已回头看 " + counts.done() + " 件，发现反弹 " + counts.rebounds() + " 件。");
        for (RevisitCampaigns.Item item : items) {
            if (ProblemLifecycle.Values.REBOUND.equals(item.outcome())) {
                text.append("\n反弹：").append(item.number()).append("（").append(item.departmentName()).append("，")
                        .append(labels.category(item.category())).append("）已重新登记为 ").append(item.reboundNumber())
                        .append("，从严从重处理。");
            }
        }
        return text.toString();
    }
}
