package org.qingfeng.supervision;

import static org.qingfeng.report.BulletinDates.nullToEmpty;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.qingfeng.identity.PersonNames;
import org.qingfeng.report.BulletinDates;
import org.qingfeng.report.TitledSection;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.report.BulletinSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The monthly bulletin's sheet on special supervision (专项督办): orders in force during the month, their reports and misses. */
@Configuration
public class SpecialSupervisionBulletinSection {

    private final JdbcTemplate jdbc;
    private final BulletinDates dates;
    private final FormCatalog forms;
    private final PersonNames people;

    public SpecialSupervisionBulletinSection(JdbcTemplate jdbc, BulletinDates dates, FormCatalog forms, PersonNames people) {
        this.jdbc = jdbc;
        this.dates = dates;
        this.forms = forms;
        this.people = people;
    }

    @Bean
    BulletinSection specialSupervisionSection() {
        return new TitledSection(45, "专项督办", List.of("台账编号", "责任科室", "督办人", "下达日期", "报送周期", "本月报送", "本月逾期未报", "月末状态")) {

            @Override
            public List<List<Object>> rows(YearMonth month) {
                Timestamp start = dates.start(month);
                Timestamp end = dates.end(month);
                Map<String, String> cycles = forms.options(SpecialSupervision.START_FORM, SpecialSupervision.Variables.REPORT_CYCLE);
                return jdbc.query("""
                        select p.number, d.name, s.ordered_by, s.ordered_at, s.report_cycle, s.ended_at,
                            (select count(*) from special_supervision_report r where r.supervision_id = s.id
                                and r.outcome = 'REPORTED' and r.recorded_at >= ? and r.recorded_at < ?) reports,
                            (select count(*) from special_supervision_report r where r.supervision_id = s.id
                                and r.outcome = 'MISSED' and r.recorded_at >= ? and r.recorded_at < ?) misses
                        from special_supervision s join problem p on p.id = s.problem_id
                        left join department d on d.id = p.department_id
                        where s.ordered_at < ? and (s.ended_at is null or s.ended_at >= ?)
                        order by s.ordered_at, s.id""", (rs, n) -> {
                    Timestamp ended = rs.getTimestamp("ended_at");
                    return List.<Object>of(rs.getString("number"), nullToEmpty(rs.getString("name")),
                            people.of(rs.getString("ordered_by")), dates.day(rs.getTimestamp("ordered_at")),
                            cycles.getOrDefault(rs.getString("report_cycle"), rs.getString("report_cycle")),
                            rs.getInt("reports"), rs.getInt("misses"),
                            ended != null && ended.before(end) ? "已结束（" + dates.day(ended) + " 问题销号）" : "督办中");
                }, start, end, start, end, end, start);
            }

            @Override
            public String summary(YearMonth month, List<List<Object>> rows) {
                int reports = rows.stream().mapToInt(r -> (Integer) r.get(5)).sum();
                int misses = rows.stream().mapToInt(r -> (Integer) r.get(6)).sum();
                long ended = rows.stream().filter(r -> r.get(7).toString().startsWith("已结束")).count();
                return "重点问题专项督办：" + rows.size() + " 件（本月结束 " + ended + " 件），报送进展 " + reports
                        + " 次，逾期未报 " + misses + " 次";
            }
        };
    }
}
