package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.rectification.ProblemLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 催办逾期回头看: the revisits still open at their due date move up in Tasklist (higher priority), and each overdue
 * problem's timeline and the campaign record say so. The revisits themselves stay open.
 */
@Component("remindOverdueRevisits")
public class RemindOverdueRevisitsDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RemindOverdueRevisitsDelegate.class);

    private final RevisitCampaigns campaigns;
    private final ProblemLedger ledger;

    public RemindOverdueRevisitsDelegate(RevisitCampaigns campaigns, ProblemLedger ledger) {
        this.campaigns = campaigns;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        List<Task> overdue = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(HalfYearRevisit.Elements.REVISIT_PROBLEM).unlimitedList();
        for (Task task : overdue) {
            tasks.setPriority(task.getId(), HalfYearRevisit.OVERDUE_PRIORITY);
            long problemId = ((Number) tasks.getVariable(task.getId(), ProblemLifecycle.Variables.PROBLEM_ID)).longValue();
            ledger.record(problemId, EventType.REVISIT_REMINDER, ProblemContext.SYSTEM, execution.getCurrentActivityId(),
                    "整改回头看逾期未完成（时限 " + execution.getVariable(CAMPAIGN_DUE_TEXT) + "），已催办");
        }
        campaigns.reminded(campaignId);
        LOG.info("revisit campaign overdue id={} open={}", campaignId, overdue.size());
    }
}
