package org.qingfeng.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code calendar_day} (the days that differ from Monday to Friday) and {@code calendar_change} (who changed them). */
@Repository
public class CalendarDays {

    /** One line of the audit trail; {@code before} or {@code after} is null where the day followed the weekday rule. */
    public record Change(long id, Date changedAt, String changedBy, LocalDate date, CalendarDay before, CalendarDay after) {
    }

    private final JdbcTemplate jdbc;

    public CalendarDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CalendarSnapshot snapshot() {
        long version = version();
        Map<LocalDate, Boolean> days = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        jdbc.query("select calendar_date, working from calendar_day", rs -> {
            LocalDate date = rs.getObject("calendar_date", LocalDate.class);
            days.put(date, rs.getBoolean("working"));
            years.add(date.getYear());
        });
        return new CalendarSnapshot(days, years, version);
    }

    /** Grows with every change made through {@link CalendarAdministration}. */
    public long version() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from calendar_change", Long.class);
    }

    public List<CalendarDay> year(int year) {
        return jdbc.query("select * from calendar_day where calendar_date >= ? and calendar_date < ? order by calendar_date",
                CalendarDays::toDay, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    public Optional<CalendarDay> find(LocalDate date) {
        return jdbc.query("select * from calendar_day where calendar_date = ?", CalendarDays::toDay, date).stream().findFirst();
    }

    public void save(CalendarDay day) {
        if (jdbc.update("update calendar_day set working = ?, name = ?, source = ? where calendar_date = ?",
                day.working(), day.name(), day.source(), day.date()) == 0) {
            jdbc.update("insert into calendar_day (calendar_date, working, name, source) values (?, ?, ?, ?)",
                    day.date(), day.working(), day.name(), day.source());
        }
    }

    public void delete(LocalDate date) {
        jdbc.update("delete from calendar_day where calendar_date = ?", date);
    }

    public void audit(String changedBy, Date changedAt, LocalDate date, CalendarDay before, CalendarDay after) {
        jdbc.update("""
                insert into calendar_change (changed_at, changed_by, calendar_date, old_working, old_name, old_source,
                    new_working, new_name, new_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new Timestamp(changedAt.getTime()), changedBy, date,
                before == null ? null : before.working(), before == null ? null : before.name(),
                before == null ? null : before.source(),
                after == null ? null : after.working(), after == null ? null : after.name(),
                after == null ? null : after.source());
    }

    /** The audit trail of the days of one year, latest first. */
    public List<Change> changes(int year) {
        return jdbc.query("""
                select * from calendar_change where calendar_date >= ? and calendar_date < ?
                order by id desc""", CalendarDays::toChange, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private static CalendarDay toDay(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject("calendar_date", LocalDate.class), rs.getBoolean("working"),
                rs.getString("name"), rs.getString("source"));
    }

    private static Change toChange(ResultSet rs, int row) throws SQLException {
        LocalDate date = rs.getObject("calendar_date", LocalDate.class);
        Boolean oldWorking = (Boolean) rs.getObject("old_working");
        Boolean newWorking = (Boolean) rs.getObject("new_working");
        return new Change(rs.getLong("id"), new Date(rs.getTimestamp("changed_at").getTime()), rs.getString("changed_by"), date,
                oldWorking == null ? null : new CalendarDay(date, oldWorking, rs.getString("old_name"), rs.getString("old_source")),
                newWorking == null ? null : new CalendarDay(date, newWorking, rs.getString("new_name"), rs.getString("new_source")));
    }
}
