package org.qingfeng.supervision;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;
import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.rectification.ProblemLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 计入本次回头看: counts the revisit, just recorded in the ledger by the lifecycle's own step, in the campaign. The
 * campaign's revisit stands for the problem's routine one: a lifecycle still waiting for its revisit (or with that
 * task open) ends where its own revisit would have ended it — consolidated, or rebounded — so no problem is revisited
 * twice and no rebound opened twice.
 */
@Component("recordCampaignRevisit")
public class RecordCampaignRevisitDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordCampaignRevisitDelegate.class);
    private static final List<String> ROUTINE_REVISIT = List.of(
            ProblemLifecycle.Elements.REVISIT_TIMER, ProblemLifecycle.Elements.REVISIT_PROBLEM);

    private final RevisitCampaigns campaigns;
    private final ProblemLedger ledger;

    public RecordCampaignRevisitDelegate(RevisitCampaigns campaigns, ProblemLedger ledger) {
        this.campaigns = campaigns;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        long problemId = ProblemContext.problemId(execution);
        campaigns.revisited(campaignId, problemId, ProblemContext.string(execution, REVISIT_METHOD),
                ProblemContext.actor(execution));
        ProblemRecord problem = ledger.find(problemId).orElseThrow();
        if (problem.processInstanceId() != null) {
            endRoutineRevisit(execution, problem.processInstanceId());
        }
        LOG.info("revisit campaign item done campaign={} number={} outcome={}", campaignId, problem.number(),
                execution.getVariable(REVISIT_OUTCOME));
    }

    private void endRoutineRevisit(DelegateExecution execution, String lifecycleId) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        ActivityInstance tree = runtime.getActivityInstance(lifecycleId);
        if (tree == null) {
            return;
        }
        List<String> waiting = ROUTINE_REVISIT.stream()
                .filter(activity -> tree.getActivityInstances(activity).length > 0).toList();
        if (waiting.isEmpty()) {
            return;
        }
        boolean rebound = ProblemLifecycle.Values.REBOUND.equals(ProblemContext.string(execution, REVISIT_OUTCOME));
        // start the end first: cancelling the only activity first would cancel the whole instance instead
        ProcessInstanceModificationInstantiationBuilder end = runtime.createProcessInstanceModification(lifecycleId)
                .startBeforeActivity(rebound ? ProblemLifecycle.Elements.PROBLEM_REBOUND : ProblemLifecycle.Elements.PROBLEM_CONSOLIDATED);
        Stream.of(REVISIT_OUTCOME, REVISIT_FINDINGS, REBOUND_PROBLEM_NUMBER)
                .forEach(name -> end.setVariable(name, execution.getVariable(name)));
        ProcessInstanceModificationBuilder modification = end;
        for (String activity : waiting) {
            modification = modification.cancelAllForActivity(activity);
        }
        modification.execute();
    }
}
