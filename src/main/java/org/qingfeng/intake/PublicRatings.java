package org.qingfeng.intake;

import static org.qingfeng.ledger.SqlTimes.date;
import static org.qingfeng.ledger.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 群众评议: reporters' ratings (1–5) of their closed problems, the service recipients' side of 双满意度. A rating of
 * {@value #SATISFIED_FROM} or more counts as satisfied; a department's recipient satisfaction from ratings is the
 * share of satisfied ratings among the ratings of its problems rated in the period.
 */
@Repository
public class PublicRatings {

    /** The lowest score that counts as satisfied (满意 / 非常满意). */
    public static final int SATISFIED_FROM = 4;

    private final JdbcTemplate jdbc;

    public PublicRatings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Rating(int score, String comment, Date ratedAt) {
    }

    /** One department's ratings in a period. */
    public record DepartmentRatings(String departmentId, String departmentName, long ratings, BigDecimal averageScore,
            long satisfied, BigDecimal satisfiedPercent) {
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

    /** Ratings given in [from, to), by the department responsible for the rated problem. */
    public List<DepartmentRatings> byDepartment(Date from, Date to) {
        return jdbc.query("""
                select p.department_id, d.name, count(*) as ratings, avg(cast(r.score as decimal(5, 2))) as average_score,
                    sum(case when r.score >= ? then 1 else 0 end) as satisfied
                from public_rating r join problem p on p.id = r.problem_id left join department d on d.id = p.department_id
                where r.rated_at >= ? and r.rated_at < ?
                group by p.department_id, d.name, d.sort_order
                order by d.sort_order, p.department_id""",
                (rs, row) -> {
                    long ratings = rs.getLong("ratings");
                    long satisfied = rs.getLong("satisfied");
                    return new DepartmentRatings(rs.getString("department_id"), rs.getString("name"), ratings,
                            rs.getBigDecimal("average_score").setScale(2, RoundingMode.HALF_UP), satisfied,
                            BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(ratings), 1, RoundingMode.HALF_UP));
                },
                SATISFIED_FROM, timestamp(from), timestamp(to));
    }

    /** 举报人评价 of one department's problems rated in [from, to), as the evaluation form shows it. */
    public String summary(String departmentId, Date from, Date to) {
        DepartmentRatings ratings = departmentId == null ? null : byDepartment(from, to).stream()
                .filter(r -> departmentId.equals(r.departmentId())).findFirst().orElse(null);
        if (ratings == null) {
            return "近一年本科室暂无举报人评价。";
        }
        return "近一年本科室已办结问题共收到举报人评价%d条，平均%s分（满分5分），满意（%d分及以上）%d条，满意率%s%%。"
                .formatted(ratings.ratings(), ratings.averageScore().stripTrailingZeros().toPlainString(), SATISFIED_FROM,
                        ratings.satisfied(), ratings.satisfiedPercent().stripTrailingZeros().toPlainString());
    }
}
