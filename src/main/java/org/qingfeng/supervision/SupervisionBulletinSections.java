package org.qingfeng.supervision;

import static org.qingfeng.report.BulletinDates.nullToEmpty;
import static org.qingfeng.report.BulletinDates.percent;

import java.time.YearMonth;
import java.util.List;
import org.qingfeng.identity.PersonNames;
import org.qingfeng.report.BulletinDates;
import org.qingfeng.report.BulletinSection;
import org.qingfeng.report.TitledSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulletin's supervision sections: the month's review with the interviews it ordered, accountability decided,
 * and the watch list and award disqualifications in force.
 */
@Configuration
public class SupervisionBulletinSections {

    private final JdbcTemplate jdbc;
    private final BulletinDates dates;
    private final PersonNames people;

    public SupervisionBulletinSections(JdbcTemplate jdbc, BulletinDates dates, PersonNames people) {
        this.jdbc = jdbc;
        this.dates = dates;
        this.people = people;
    }

    @Bean
    BulletinSection reviewSection() {
        return new TitledSection(15, "整改率未达标科室", List.of("科室", "到期问题", "已销号", "整改率", "达标线", "连续未达标次数", "约谈", "约谈人", "约谈时间")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                return jdbc.query("""
                        select d.name, r.due, r.closed, r.rectification_rate, r.threshold, r.consecutive_failures,
                               i.title, i.interviewer, i.interview_time
                        from department_review r join department d on d.id = r.department_id
                        left join department_interview i on i.review_id = r.id
                        where r.period_month = ? and r.passed = false order by d.sort_order""",
                        (rs, n) -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getInt(3),
                                percent((Double) rs.getObject(4, Double.class)), percent(rs.getDouble(5)), rs.getInt(6),
                                nullToEmpty(rs.getString(7)), people.of(rs.getString(8)), nullToEmpty(rs.getString(9))),
                        month.toString());
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "月度台账审核整改率未达标、由分管领导约谈科室负责人：" + rows.size() + " 个科室";
            }
        };
    }

    @Bean
    BulletinSection accountabilitySection() {
        return new TitledSection(70, "问责情况", List.of("科室", "被问责人", "问责方式", "决定环节", "理由", "决定人", "决定日期")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                return jdbc.query("""
                        select d.name, a.person, a.measure, a.decided_in, a.reason, a.decided_by, a.decided_at
                        from accountability a join department d on d.id = a.department_id
                        where a.decided_at >= ? and a.decided_at < ? order by a.decided_at""",
                        (rs, n) -> List.<Object>of(rs.getString(1), people.of(rs.getString(2)),
                                AccountabilityMeasure.valueOf(rs.getString(3)).label(),
                                AccountabilityMeasure.DecidedIn.valueOf(rs.getString(4)).label(), rs.getString(5),
                                people.of(rs.getString(6)), dates.day(rs.getTimestamp(7))),
                        dates.start(month), dates.end(month));
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "问责（诫勉谈话、深刻检讨、批评教育、取消评先评优）：" + rows.size() + " 人次";
            }
        };
    }

    @Bean
    BulletinSection watchListSection() {
        return new TitledSection(80, "作风观察名单和取消评优", List.of("类别", "科室", "人员", "原因", "起始日期", "期限")) {
            @Override
            public List<List<Object>> rows(YearMonth month) {
                List<List<Object>> rows = new java.util.ArrayList<>(jdbc.query("""
                        select d.name, w.person, w.reason, w.listed_at, w.observe_until
                        from watch_list_entry w join department d on d.id = w.department_id
                        where w.listed_at < ? and (w.closed_at is null or w.closed_at >= ?) order by w.listed_at""",
                        (rs, n) -> List.<Object>of("作风观察名单", rs.getString(1), people.of(rs.getString(2)), rs.getString(3),
                                dates.day(rs.getTimestamp(4)), dates.day(rs.getTimestamp(5))),
                        dates.end(month), dates.end(month)));
                rows.addAll(jdbc.query("""
                        select d.name, q.award_year, q.reason, q.decided_at
                        from award_disqualification q join department d on d.id = q.department_id
                        where q.award_year = ? and q.decided_at < ? order by q.decided_at""",
                        (rs, n) -> List.<Object>of("取消年度评优", rs.getString(1), "", rs.getString(3),
                                dates.day(rs.getTimestamp(4)), rs.getInt(2) + "年度"),
                        month.getYear(), dates.end(month)));
                return rows;
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                return "作风观察名单和取消年度评优：" + rows.size() + " 项";
            }
        };
    }
}
