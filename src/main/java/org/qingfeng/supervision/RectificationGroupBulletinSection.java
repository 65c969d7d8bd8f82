package org.qingfeng.supervision;

import static org.qingfeng.report.BulletinDates.nullToEmpty;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.qingfeng.report.BulletinDates;
import org.qingfeng.report.TitledSection;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.report.BulletinSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The monthly bulletin's sheet on special rectification groups (专项整改小组): proposals made or decided in the month. */
@Configuration
public class RectificationGroupBulletinSection {

    private final JdbcTemplate jdbc;
    private final BulletinDates dates;
    private final FormCatalog forms;

    public RectificationGroupBulletinSection(JdbcTemplate jdbc, BulletinDates dates, FormCatalog forms) {
        this.jdbc = jdbc;
        this.dates = dates;
        this.forms = forms;
    }

    @Bean
    BulletinSection rectificationGroupSection() {
        return new TitledSection(47, "专项整改小组", List.of("科室", "问题类别", "涉及问题", "提出日期", "审定结果", "组长", "完成时限")) {

            @Override
            public List<List<Object>> rows(YearMonth month) {
                Timestamp start = dates.start(month);
                Timestamp end = dates.end(month);
                Map<String, String> categories = forms.options("register-problem", "category");
                return jdbc.query("""
                        select d.name, r.category, r.proposed_at, r.decision, r.decided_at, r.group_leader, r.group_deadline,
                            (select count(*) from rectification_group_problem g where g.proposal_id = r.id) problems
                        from rectification_group_proposal r left join department d on d.id = r.department_id
                        where (r.proposed_at >= ? and r.proposed_at < ?) or (r.decided_at >= ? and r.decided_at < ?)
                        order by r.proposed_at, r.id""", (rs, n) -> {
                    Timestamp decidedAt = rs.getTimestamp("decided_at");
                    String decision = decidedAt == null || !decidedAt.before(end) ? null : rs.getString("decision");
                    return List.<Object>of(nullToEmpty(rs.getString("name")),
                            categories.getOrDefault(rs.getString("category"), rs.getString("category")),
                            rs.getInt("problems"), dates.day(rs.getTimestamp("proposed_at")), decision(decision),
                            decision == null ? "" : nullToEmpty(rs.getString("group_leader")),
                            decision == null ? "" : dates.day(rs.getTimestamp("group_deadline")));
                }, start, end, start, end);
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                long formed = rows.stream().filter(r -> "同意组建".equals(r.get(4))).count();
                long declined = rows.stream().filter(r -> "不予组建".equals(r.get(4))).count();
                return "反复出现问题提请组建专项整改小组：" + rows.size() + " 项（同意组建 " + formed + " 项，不予组建 "
                        + declined + " 项）";
            }
        };
    }

    private static String decision(String decision) {
        if (decision == null) {
            return "待审定";
        }
        return RectificationGroupProposals.Status.ACCEPTED.name().equals(decision) ? "同意组建" : "不予组建";
    }
}
