package org.qingfeng.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.qingfeng.report.BulletinDates;
import org.qingfeng.report.BulletinSection;
import org.springframework.stereotype.Component;

/**
 * The monthly bulletin's sheet on the half-year revisit (整改回头看): each campaign under way in the month, how far it
 * got, and the rebounds it found by number. The month's rebounds themselves, from any revisit, are the ledger's own
 * sheet (问题反弹); this one adds which campaign found them.
 */
@Component
public class RevisitCampaignBulletinSection implements BulletinSection {


    private final RevisitCampaignOverview overview;
    private final BulletinDates dates;

    public RevisitCampaignBulletinSection(RevisitCampaignOverview overview, BulletinDates dates) {
        this.overview = overview;
        this.dates = dates;
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public String title() {
        return "整改回头看";
    }

    @Override
    public List<String> headers() {
        return List.of("回头看批次", "状态", "开展方式", "开始日期", "完成时限", "已销号问题", "抽查", "已回头看", "发现反弹",
                "反弹问题（原编号→新编号，科室，类别）");
    }

    @Override
    public List<List<Object>> rows(YearMonth month) {
        return overview.activeIn(month).stream().map(c -> List.<Object>of(
                c.label(),
                RevisitCampaignOverview.statusLabel(c.status()),
                RevisitCampaigns.Trigger.SCHEDULE.name().equals(c.trigger()) ? "按期开展" : "作风办发起",
                dates.day(c.startedAt()),
                dates.day(c.dueAt()),
                c.closedProblems(),
                c.sampled(),
                c.done(),
                c.rebounds(),
                c.reboundProblems().stream()
                        .map(r -> r.problemNumber() + "→" + r.reboundNumber() + "（" + r.department() + "，" + r.category() + "）")
                        .collect(Collectors.joining("；")))).toList();
    }

    @Override
    public String summary(YearMonth month, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return "整改回头看：本月无";
        }
        return "整改回头看：" + rows.stream()
                .map(r -> String.valueOf(r.get(0)) + r.get(1) + "，抽查 " + r.get(6) + " 件，已回头看 " + r.get(7) + " 件，发现反弹 " + r.get(8) + " 件")
                .collect(Collectors.joining("；"));
    }
}
