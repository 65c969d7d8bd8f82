package org.qingfeng.report;

import static org.qingfeng.report.BulletinDates.nullToEmpty;
import static org.qingfeng.report.BulletinDates.percent;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.MonthlyRates;
import org.qingfeng.ledger.api.LedgerLabels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulletin sections that come straight from the problem ledger: the ranking by rectification rate, the items
 * overdue at the month's end, the escalation interviews held over overdue problems and the rebounds found.
 */
@Configuration
public class LedgerBulletinSections {

    private final JdbcTemplate jdbc;
    private final BulletinDates dates;

    public LedgerBulletinSections(JdbcTemplate jdbc, BulletinDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Bean
    BulletinSection rateRankingSection(MonthlyRates rates) {
        return new TitledSection(10, "整改率排名", List.of("排名", "科室", "到期问题", "已销号", "按期销号", "整改率", "按期整改率", "未销号", "逾期")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                List<DepartmentRate> ranked = rates.of(month).stream()
                        .sorted(Comparator.comparing(DepartmentRate::rectificationRate, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(DepartmentRate::overdue))
                        .toList();
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < ranked.size(); i++) {
                    DepartmentRate r = ranked.get(i);
                    rows.add(List.of(i + 1, r.departmentName(), r.due(), r.closed(), r.closedOnTime(),
                            percent(r.rectificationRate()), percent(r.onTimeRate()), r.open(), r.overdue()));
                }
                return rows;
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "整改率排名：" + rows.size() + " 个科室参与排名";
            }
        };
    }

    @Bean
    BulletinSection overdueSection() {
        return new TitledSection(20, "逾期问题", List.of("台账编号", "责任科室", "问题描述", "整改时限", "约谈层级", "催办次数")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                Timestamp end = dates.end(month);
                return jdbc.query("""
                        select p.number, d.name, p.description, p.deadline, p.escalation_level, p.reminder_count
                        from problem p left join department d on d.id = p.department_id
                        where p.status <> 'REJECTED' and p.deadline < ? and (p.closed_at is null or p.closed_at >= ?)
                        order by d.sort_order, p.deadline""", (rs, n) -> List.<Object>of(rs.getString(1), nullToEmpty(rs.getString(2)),
                        rs.getString(3), dates.day(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6)), end, end);
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "月末逾期未销号问题：" + rows.size() + " 件";
            }
        };
    }

    @Bean
    BulletinSection problemInterviewSection() {
        return new TitledSection(30, "逾期约谈", List.of("台账编号", "责任科室", "约谈", "约谈人", "约谈时间", "新的整改时限")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                return jdbc.query("""
                        select p.number, d.name, i.title, i.interviewer, i.interview_time, i.new_deadline
                        from escalation_interview i join problem p on p.id = i.problem_id
                        left join department d on d.id = p.department_id
                        where i.recorded_at >= ? and i.recorded_at < ? order by i.recorded_at""",
                        (rs, n) -> List.<Object>of(rs.getString(1), nullToEmpty(rs.getString(2)), rs.getString(3),
                                nullToEmpty(rs.getString(4)), nullToEmpty(rs.getString(5)), dates.day(rs.getTimestamp(6))),
                        dates.start(month), dates.end(month));
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "因整改逾期约谈：" + rows.size() + " 次";
            }
        };
    }

    @Bean
    BulletinSection reboundSection(LedgerLabels labels) {
        return new TitledSection(60, "问题反弹", List.of("原台账编号", "责任科室", "回头看发现", "回头看时间", "新台账编号", "问题类别")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                return jdbc.query("""
                        select p.number, d.name, r.findings, r.revisited_at, n.number, p.category
                        from revisit r join problem p on p.id = r.problem_id
                        left join department d on d.id = p.department_id
                        left join problem n on n.id = r.rebound_problem_id
                        where r.outcome = 'rebound' and r.revisited_at >= ? and r.revisited_at < ? order by r.revisited_at""",
                        (rs, n) -> List.<Object>of(rs.getString(1), nullToEmpty(rs.getString(2)), rs.getString(3),
                                dates.day(rs.getTimestamp(4)), nullToEmpty(rs.getString(5)), labels.category(rs.getString(6))),
                        dates.start(month), dates.end(month));
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "回头看发现反弹（从严从重处理）：" + rows.size() + " 件";
            }
        };
    }
}
