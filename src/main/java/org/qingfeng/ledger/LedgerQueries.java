package org.qingfeng.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read side of the ledger: lists, counts, rates. Plain SQL on the ledger tables, no process-variable queries. */
@Repository
public class LedgerQueries {

    public record Page(List<ProblemRow> items, int page, int size, long total) {
    }

    /** Columns a count can be grouped by, named as the list's filter parameters. */
    public enum Dimension {
        DEPARTMENT("department", "p.department_id"),
        STAGE("stage", "p.stage"),
        WARNING("warning", "p.warning_colour"),
        CATEGORY("category", "p.category"),
        CHANNEL("channel", "p.channel");

        final String parameter;
        final String column;

        Dimension(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** How many problems match a filter for one combination of the grouping values (null where the column is). */
    public record Count(List<String> values, long count) {
    }

    /** Registered, not closed, and past its deadline; the parameter {@code now} is set by {@link #now}. */
    private static final String OVERDUE = "p.status = 'REGISTERED' and p.deadline < :now";

    private static final String FROM = " from problem p left join department d on d.id = p.department_id"
            + " left join problem o on o.id = p.rebound_of left join problem m on m.id = p.merged_into";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    public LedgerQueries(NamedParameterJdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public Page list(ProblemFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        // the filters only use problem's own columns, so the count needs no joins
        Long total = jdbc.queryForObject("select count(*) from problem p" + where, params, Long.class);
        params.addValue("limit", filter.size()).addValue("offset", (long) filter.page() * filter.size());
        List<ProblemRow> items = jdbc.query(select(params) + where + orderBy(filter) + " limit :limit offset :offset",
                params, (rs, n) -> row(rs));
        return new Page(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    /**
     * The problems {@link #list} would return for {@code filter}, counted per combination of {@code by}: each count
     * is the total of the list filtered further by those values, so a figure and the list behind it always agree.
     */
    public List<Count> counts(ProblemFilter filter, Dimension... by) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        String columns = Arrays.stream(by).map(d -> d.column).collect(Collectors.joining(", "));
        return jdbc.query("select " + columns + ", count(*) as n from problem p" + where + " group by " + columns
                + " order by " + columns, params, (rs, n) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= by.length; i++) {
                        values.add(rs.getString(i));
                    }
                    return new Count(values, rs.getLong("n"));
                });
    }

    /** Streams every row the filter matches, in its order, without paging. */
    public void forEach(ProblemFilter filter, Consumer<ProblemRow> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        jdbc.query(select(params) + where + orderBy(filter), params, (RowCallbackHandler) rs -> consumer.accept(row(rs)));
    }

    public java.util.Optional<ProblemRow> find(String number) {
        MapSqlParameterSource params = new MapSqlParameterSource("number", number);
        return jdbc.query(select(params) + " where p.number = :number", params, (rs, n) -> row(rs)).stream().findFirst();
    }

    /** Each department's figures for {@code month}; overdue counts as of the month's end, or now for this month. */
    public List<DepartmentRate> rates(YearMonth month) {
        Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        MapSqlParameterSource params = new MapSqlParameterSource("end", end)
                .addValue("asOf", now.before(end) ? now : end)
                .addValue("notCounted", List.of(ProblemStatus.REJECTED.name(), ProblemStatus.MERGED.name()));
        // aggregated on problem alone, which its rates index covers; departments are joined in afterwards
        Map<String, int[]> counts = new HashMap<>();
        jdbc.query("""
                select p.department_id,
                  count(*) filter (where p.deadline < :end) as due,
                  count(*) filter (where p.deadline < :end and p.closed_at < :end) as closed,
                  count(*) filter (where p.deadline < :end and p.closed_at < :end and p.closed_at <= p.deadline) as on_time,
                  count(*) filter (where p.registered_at < :end and (p.closed_at is null or p.closed_at >= :end)) as open,
                  count(*) filter (where p.deadline < :asOf and (p.closed_at is null or p.closed_at >= :asOf)) as overdue
                from problem p
                where p.department_id is not null and p.registered_at is not null and p.status not in (:notCounted)
                group by p.department_id""", params, (RowCallbackHandler) rs -> counts.put(rs.getString("department_id"),
                new int[] {rs.getInt("due"), rs.getInt("closed"), rs.getInt("on_time"), rs.getInt("open"), rs.getInt("overdue")}));
        return jdbc.query("select id, name from department order by sort_order, id", (rs, n) -> {
            int[] c = counts.getOrDefault(rs.getString("id"), new int[5]);
            return DepartmentRate.of(rs.getString("id"), rs.getString("name"), c[0], c[1], c[2], c[3], c[4]);
        });
    }

    private String select(MapSqlParameterSource params) {
        now(params);
        return """
                select p.*, d.name as department_name, o.number as rebound_of_number, m.number as merged_into_number,
                  case when %s then true else false end as is_overdue""".formatted(OVERDUE) + FROM;
    }

    private String where(ProblemFilter f, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        equal(clauses, params, "p.department_id", "department", f.departmentId());
        if (f.visibleDepartmentIds() != null) {
            if (f.visibleDepartmentIds().isEmpty()) {
                clauses.add("1 = 0");
            } else {
                params.addValue("visibleDepartments", f.visibleDepartmentIds());
                clauses.add("p.department_id in (:visibleDepartments)");
            }
        }
        equal(clauses, params, "p.status", "status", f.status() == null ? null : f.status().name());
        equal(clauses, params, "p.stage", "stage", f.stage() == null ? null : f.stage().name());
        equal(clauses, params, "p.channel", "channel", f.channel());
        equal(clauses, params, "p.category", "category", f.category());
        equal(clauses, params, "p.severity", "severity", f.severity());
        equal(clauses, params, "p.warning_colour", "warning", f.warning() == null ? null : f.warning().name());
        if (f.overdue() != null) {
            now(params);
            clauses.add(f.overdue() ? OVERDUE : "not (" + OVERDUE + ")");
        }
        range(clauses, params, "p.registered_at", "registered", f.registeredFrom(), f.registeredTo());
        range(clauses, params, "p.deadline", "deadline", f.deadlineFrom(), f.deadlineTo());
        if (f.text() != null) {
            String text = f.text().toLowerCase();
            params.addValue("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            // lower() costs a call per row; Chinese text has no case, and a ledger number has digits
            String description = text.equals(f.text().toUpperCase()) ? "p.description" : "lower(p.description)";
            String clause = description + " like :text escape '\\'";
            if (text.chars().anyMatch(Character::isDigit)) {
                clause = "(" + clause + " or lower(p.number) like :text escape '\\')";
            }
            clauses.add(clause);
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static void now(MapSqlParameterSource params) {
        params.addValue("now", new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }

    private static String orderBy(ProblemFilter f) {
        String direction = f.ascending() ? " asc" : " desc";
        return " order by " + f.sort().column + direction + " nulls last, p.id" + direction;
    }

    private static void equal(List<String> clauses, MapSqlParameterSource params, String column, String name, String value) {
        if (value != null) {
            params.addValue(name, value);
            clauses.add(column + " = :" + name);
        }
    }

    private void range(List<String> clauses, MapSqlParameterSource params, String column, String name, LocalDate from, LocalDate to) {
        if (from != null) {
            params.addValue(name + "From", Timestamp.from(from.atStartOfDay(zone).toInstant()));
            clauses.add(column + " >= :" + name + "From");
        }
        if (to != null) {
            params.addValue(name + "To", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
            clauses.add(column + " < :" + name + "To");
        }
    }

    private ProblemRow row(ResultSet rs) throws SQLException {
        return new ProblemRow(
                rs.getString("number"),
                ProblemStatus.valueOf(rs.getString("status")),
                Stage.valueOf(rs.getString("stage")),
                rs.getBoolean("is_overdue"),
                rs.getString("channel"),
                rs.getString("reporter_type"),
                rs.getString("category"),
                rs.getString("severity"),
                rs.getString("department_id"),
                rs.getString("department_name"),
                rs.getString("responsible_person"),
                rs.getString("description"),
                time(rs, "reported_at"),
                time(rs, "registered_at"),
                time(rs, "deadline"),
                WarningColour.valueOf(rs.getString("warning_colour")),
                rs.getInt("reminder_count"),
                rs.getInt("extension_count"),
                rs.getInt("escalation_level"),
                rs.getInt("rectification_round"),
                time(rs, "closed_at"),
                (Boolean) rs.getObject("closed_on_time"),
                rs.getString("rebound_of_number"),
                rs.getString("merged_into_number"),
                rs.getString("process_instance_id"));
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().atZone(zone).toOffsetDateTime();
    }
}
