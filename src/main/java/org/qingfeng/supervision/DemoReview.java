package org.qingfeng.supervision;

import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.identity.DemoOrganisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Last month's ledger review, started by hand once the demo problems are in, so that a newcomer finds an interview
 * in the supervising leader's Tasklist and the bulletin before the party committee.
 */
@Component
@ConditionalOnProperty(name = {"qingfeng.demo.enabled", "qingfeng.demo.problems"}, havingValue = "true")
public class DemoReview {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReview.class);

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    public DemoReview(RuntimeService runtime, IdentityService identity, JdbcTemplate jdbc, BusinessClock clock) {
        this.runtime = runtime;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void seed() {
        Integer reviews = jdbc.queryForObject("select count(*) from monthly_review", Integer.class);
        if (reviews != null && reviews > 0) {
            return;
        }
        String month = YearMonth.from(clock.today()).minusMonths(1).toString();
        DemoOrganisation.actAs(identity, "zhoumin");
        try {
            runtime.startProcessInstanceByKey(MonthlyReview.PROCESS_KEY,
                    Variables.createVariables().putValue(MonthlyReview.Variables.REVIEW_MONTH, month));
        } finally {
            identity.clearAuthentication();
        }
        LOG.info("demo monthly review started month={}", month);
    }
}
