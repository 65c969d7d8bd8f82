package org.qingfeng.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which closed problems a campaign revisits. The revisit-sampling table is asked once per category found among the
 * half-year's closed problems — a per-item question that a business-rule task cannot put — in the version deployed
 * with the calling process, as {@code decisionRefBinding="deployment"} would.
 */
@Component
public class RevisitSampling {

    /** The closed problems of the half-year and the sample drawn from them. */
    public record Selection(int closed, List<RevisitSampler.Pick> picks) {
    }

    private final JdbcTemplate jdbc;
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final ZoneId zone;

    public RevisitSampling(JdbcTemplate jdbc, DecisionService decisions, RepositoryService repository, BusinessClock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.repository = repository;
        this.zone = clock.zone();
    }

    /**
     * Problems closed (销号) in the half-year and not yet revisited; all of the easy-to-rebound categories, and of the
     * others the share the table sets for their category or else {@code share}.
     */
    public Selection select(HalfYear half, double share, String deploymentId) {
        List<RevisitSampler.Candidate> candidates = jdbc.query("""
                select id, number, department_id, category from problem
                where status = ? and closed_at >= ? and closed_at < ? order by id""",
                (rs, n) -> new RevisitSampler.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                ProblemStatus.CLOSED.name(), start(half.firstDay()), start(half.end()));
        DecisionDefinition table = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
                .decisionDefinitionKey(HalfYearRevisit.SAMPLING_DECISION).singleResult();
        if (table == null) {
            throw new IllegalStateException("decision " + HalfYearRevisit.SAMPLING_DECISION + " is not part of deployment " + deploymentId);
        }
        Map<String, RevisitSampler.Rule> rules = new HashMap<>();
        List<RevisitSampler.Pick> picks = RevisitSampler.sample(half.key(), candidates,
                category -> rules.computeIfAbsent(category, c -> rule(table.getId(), c, share)));
        return new Selection(candidates.size(), picks);
    }

    private RevisitSampler.Rule rule(String decisionId, String category, double share) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableById(decisionId,
                Variables.createVariables().putValue(ProblemLifecycle.Variables.CATEGORY, category)).getFirstResult();
        if (result == null) {
            return new RevisitSampler.Rule(false, share);
        }
        // an empty output cell leaves its entry out of the result
        Number own = (Number) result.get(HalfYearRevisit.Variables.SAMPLE_SHARE);
        return new RevisitSampler.Rule(Boolean.TRUE.equals(result.get(HalfYearRevisit.Variables.EASY_TO_REBOUND)),
                own == null ? share : own.doubleValue());
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
