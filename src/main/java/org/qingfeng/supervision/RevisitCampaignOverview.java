package org.qingfeng.supervision;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.stereotype.Component;

/** Campaigns with their counts and rebounds, as the API and the monthly bulletin show them. */
@Component
public class RevisitCampaignOverview {

    /** One campaign: what it covered, how far it got and which problems rebounded. */
    public record Campaign(long campaignId, String half, String label, String status, String trigger, String startedBy,
            Date startedAt, Date dueAt, Date closedAt, int closedProblems, int sampled, int done, int rebounds,
            List<Rebound> reboundProblems, String conclusion, String processInstanceId) {
    }

    /** A rebound found by the campaign: the old problem, the new one that carries on, its department and category. */
    public record Rebound(String problemNumber, String reboundNumber, String department, String category) {
    }

    private final RevisitCampaigns campaigns;
    private final LedgerLabels labels;
    private final ZoneId zone;

    public RevisitCampaignOverview(RevisitCampaigns campaigns, LedgerLabels labels, BusinessClock clock) {
        this.campaigns = campaigns;
        this.labels = labels;
        this.zone = clock.zone();
    }

    /** Every campaign, or those of one half-year, newest first. */
    public List<Campaign> all(HalfYear half) {
        List<RevisitCampaigns.Campaign> found = half == null ? campaigns.all() : campaigns.of(half);
        return found.stream().sorted(Comparator.comparing(RevisitCampaigns.Campaign::startedAt).reversed()
                .thenComparing(Comparator.comparingLong(RevisitCampaigns.Campaign::id).reversed())).map(this::overview).toList();
    }

    /** The campaigns under way at some time in the month, cancelled ones left out. */
    public List<Campaign> activeIn(YearMonth month) {
        return campaigns.activeBetween(Date.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                Date.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())).stream().map(this::overview).toList();
    }

    public static String statusLabel(String status) {
        return switch (RevisitCampaigns.Status.valueOf(status)) {
            case OPEN -> "进行中";
            case CLOSED -> "已完成";
            case CANCELLED -> "已取消";
        };
    }

    private Campaign overview(RevisitCampaigns.Campaign c) {
        RevisitCampaigns.Counts counts = campaigns.counts(c.id());
        List<Rebound> rebounds = campaigns.items(c.id()).stream()
                .filter(i -> ProblemLifecycle.Values.REBOUND.equals(i.outcome()))
                .map(i -> new Rebound(i.number(), i.reboundNumber(), i.departmentName(), labels.category(i.category())))
                .toList();
        return new Campaign(c.id(), c.half().key(), c.half().label() + "整改回头看", c.status().name(), c.trigger().name(),
                c.startedBy(), c.startedAt(), c.dueAt(), c.closedAt(), c.closedProblems(), counts.sampled(), counts.done(),
                counts.rebounds(), rebounds, c.conclusion(), c.processInstanceId());
    }
}
