package org.qingfeng.ledger;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Department rates by month. A month that has closed is answered from its snapshot, taken the first time after
 * the month's end — by the scheduled freeze shortly after midnight, or by the first question, whichever comes first.
 * The month still running is always computed live.
 */
@Service
public class MonthlyRates {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyRates.class);

    private final LedgerQueries queries;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public MonthlyRates(LedgerQueries queries, JdbcTemplate jdbc, BusinessClock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public List<DepartmentRate> of(YearMonth month) {
        if (!month.isBefore(currentMonth())) {
            return queries.rates(month);
        }
        List<DepartmentRate> frozen = snapshot(month);
        if (!frozen.isEmpty()) {
            return frozen;
        }
        freeze(month);
        return snapshot(month);
    }

    /** Freezes last month as soon as it has closed; a second node doing the same finds the snapshot taken. */
    @Scheduled(cron = "${qingfeng.ledger.freeze-cron:0 5 0 1 * *}", zone = "${qingfeng.calendar.zone:Asia/Shanghai}")
    public void freezeLastMonth() {
        YearMonth last = currentMonth().minusMonths(1);
        if (snapshot(last).isEmpty()) {
            freeze(last);
        }
    }

    void freeze(YearMonth month) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        for (DepartmentRate rate : queries.rates(month)) {
            try {
                jdbc.update("""
                        insert into rate_snapshot (period_month, department_id, due, closed, closed_on_time, open_count, overdue, frozen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                        month.toString(), rate.departmentId(), rate.due(), rate.closed(), rate.closedOnTime(), rate.open(),
                        rate.overdue(), now);
            } catch (DuplicateKeyException alreadyFrozen) {
                // another node or request froze this department's month first; its figures stand
            }
        }
        LOG.info("department rates frozen month={}", month);
    }

    private List<DepartmentRate> snapshot(YearMonth month) {
        return jdbc.query("""
                select s.*, d.name from rate_snapshot s join department d on d.id = s.department_id
                where s.period_month = ? order by d.sort_order, d.id""",
                (rs, n) -> DepartmentRate.of(rs.getString("department_id"), rs.getString("name"), rs.getInt("due"),
                        rs.getInt("closed"), rs.getInt("closed_on_time"), rs.getInt("open_count"), rs.getInt("overdue")),
                month.toString());
    }

    private YearMonth currentMonth() {
        return YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(zone));
    }
}
