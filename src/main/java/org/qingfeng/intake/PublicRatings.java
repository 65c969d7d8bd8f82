package org.qingfeng.intake;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.qingfeng.rectification.RecipientSatisfaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 群众评议: reporters' ratings (1–5) of their closed problems, the service recipients' side of 双满意度. A score of
 * {@value #SATISFIED_FROM} or 5 is 满意, 3 is 基本满意 (counted, but not as satisfied), {@value #DISSATISFIED_TO} or 1
 * is 不满意. Each report is rated once with its own query code (一码一评), and each rating counts once: for a
 * merged duplicate (合并重复件) it counts for the department that handled the problem it was merged into, never a
 * second time with that problem's own rating.
 */
@Repository
public class PublicRatings {

    /** The lowest score that counts as satisfied (满意 / 非常满意). */
    public static final int SATISFIED_FROM = 4;
    /** The highest score that counts as dissatisfied (不满意 / 非常不满意); between the two is 基本满意. */
    public static final int DISSATISFIED_TO = 2;

    /**
     * Every rating given in [from, to), with the problem that was handled for it: the rated report itself, or, for a
     * merged duplicate, the end of its merge chain. One row per rating. The bound on hops only guards against a cycle
     * two concurrent merges could leave; such a rating reaches no handled problem and is not counted.
     */
    private static final String HANDLED = """
            with recursive handled (report_id, problem_id, hops) as (
                select r.problem_id, r.problem_id, 0 from public_rating r where r.rated_at >= ? and r.rated_at < ?
                union all
                select h.report_id, p.merged_into, h.hops + 1 from handled h join problem p on p.id = h.problem_id
                where p.merged_into is not null and h.hops < 20
            )
            """;

    private final JdbcTemplate jdbc;

    public PublicRatings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Rating(int score, String comment, Date ratedAt) {
    }

    /** How many ratings, by kind. */
    public record Tally(long ratings, long satisfied, long basic, long dissatisfied) {

        public static final Tally NONE = new Tally(0, 0, 0, 0);

        /** The share of satisfied ratings in percent, cut to one decimal as every satisfaction rate; null without ratings. */
        public BigDecimal satisfiedPercent() {
            return ratings == 0 ? null : RecipientSatisfaction.percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(ratings));
        }
    }

    /** One department's ratings in a period. */
    public record DepartmentRatings(String departmentId, String departmentName, long ratings, BigDecimal averageScore,
            long satisfied, BigDecimal satisfiedPercent, long basic, long dissatisfied) {
    }

    /** Stores the rating; a second rating of the same problem fails on the primary key. */
    void rate(long problemId, int score, String comment, Date ratedAt) {
        jdbc.update("insert into public_rating (problem_id, score, rating_comment, rated_at) values (?, ?, ?, ?)",
                problemId, score, comment, timestamp(ratedAt));
    }

    public Optional<Rating> of(long problemId) {
        return jdbc.query("select * from public_rating where problem_id = ?",
                (rs, row) -> new Rating(rs.getInt("score"), rs.getString("rating_comment"), date(rs, "rated_at")), problemId)
                .stream().findFirst();
    }

    /** Ratings given in [from, to), by the department responsible for the problem handled. */
    public List<DepartmentRatings> byDepartment(Date from, Date to) {
        return query(null, from, to);
    }

    /** The ratings given in [from, to) of the problems {@code departmentId} handled. */
    public Tally tally(String departmentId, Date from, Date to) {
        if (departmentId == null) {
            return Tally.NONE;
        }
        return query(departmentId, from, to).stream().findFirst()
                .map(r -> new Tally(r.ratings(), r.satisfied(), r.basic(), r.dissatisfied())).orElse(Tally.NONE);
    }

    private List<DepartmentRatings> query(String departmentId, Date from, Date to) {
        List<Object> args = new ArrayList<>(List.of(timestamp(from), timestamp(to), SATISFIED_FROM, DISSATISFIED_TO));
        if (departmentId != null) {
            args.add(departmentId);
        }
        return jdbc.query(HANDLED + """
                select s.department_id, d.name, count(*) as ratings, avg(cast(r.score as decimal(5, 2))) as average_score,
                    sum(case when r.score >= ? then 1 else 0 end) as satisfied,
                    sum(case when r.score <= ? then 1 else 0 end) as dissatisfied
                from handled h
                join problem s on s.id = h.problem_id and s.merged_into is null
                join public_rating r on r.problem_id = h.report_id
                left join department d on d.id = s.department_id
                """ + (departmentId == null ? "" : "where s.department_id = ?\n") + """
                group by s.department_id, d.name, d.sort_order
                order by d.sort_order, s.department_id""",
                (rs, row) -> {
                    long ratings = rs.getLong("ratings");
                    long satisfied = rs.getLong("satisfied");
                    long dissatisfied = rs.getLong("dissatisfied");
                    return new DepartmentRatings(rs.getString("department_id"), rs.getString("name"), ratings,
                            rs.getBigDecimal("average_score").setScale(2, RoundingMode.HALF_UP), satisfied,
                            new Tally(ratings, satisfied, 0, 0).satisfiedPercent(), ratings - satisfied - dissatisfied,
                            dissatisfied);
                },
                args.toArray());
    }

    /**
     * 举报人评价 of one department's problems rated in [from, to), as the evaluation form of process versions
     * deployed before the ratings counted showed it.
     */
    public String summary(String departmentId, Date from, Date to) {
        DepartmentRatings ratings = departmentId == null ? null
                : query(departmentId, from, to).stream().findFirst().orElse(null);
        if (ratings == null) {
            return "近一年本科室暂无举报人评价。";
        }
        return "近一年本科室已办结问题共收到举报人评价%d条，平均%s分（满分5分），满意（%d分及以上）%d条，满意率%s%%。"
                .formatted(ratings.ratings(), ratings.averageScore().stripTrailingZeros().toPlainString(), SATISFIED_FROM,
                        ratings.satisfied(), ratings.satisfiedPercent().stripTrailingZeros().toPlainString());
    }
}
