package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 满意度测评 completed: the service recipients' rate the decision compares, from the survey entered and the ratings
 * counted when the task opened ({@link RecipientSatisfaction}). The ratings are counted again here from the ledger
 * for the task's own opening time, never taken from variables a completing client could send. The rate and its
 * explanation go into the ledger and on to the next step's form.
 */
@Component("assessRecipientSatisfaction")
public class AssessRecipientSatisfactionListener implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(AssessRecipientSatisfactionListener.class);

    private final RecipientSatisfaction satisfaction;
    private final ProblemLedger ledger;
    private final LedgerRecords records;

    public AssessRecipientSatisfactionListener(RecipientSatisfaction satisfaction, ProblemLedger ledger, LedgerRecords records) {
        this.satisfaction = satisfaction;
        this.ledger = ledger;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ProblemContext.problemId(task);
        ProblemRecord problem = ledger.find(id).orElseThrow();
        boolean external = problem.externalOrigin();
        RecipientSatisfaction.Counted counted = satisfaction.counted(problem.departmentId(), task.getCreateTime());
        RecipientSatisfaction.Survey survey = new RecipientSatisfaction.Survey(rate(task), respondents(task));
        RecipientSatisfaction.Assessment assessment =
                satisfaction.assess(external, survey, counted, (Number) task.getVariable(INTERNAL_SATISFACTION));

        CountPublicRatingsListener.setCounted(task, counted);
        task.setVariable(COMBINED_RECIPIENT_SATISFACTION, assessment.rate() == null ? null : assessment.rate().doubleValue());
        task.setVariable(SATISFACTION_BASIS, assessment.explanation());
        records.evaluationBasis(id, assessment.basis().name(), survey.respondents(), counted.tally().ratings(),
                counted.tally().satisfied(), assessment.rate());
        String actor = ProblemContext.actor(task);
        ledger.record(id, EventType.SATISFACTION_ASSESSED, ProblemContext.SYSTEM.equals(actor) && task.getAssignee() != null
                ? task.getAssignee() : actor, task.getTaskDefinitionKey(), assessment.explanation());
        LOG.info("satisfaction assessed number={} basis={} recipientRate={} publicRatings={}", problem.number(),
                assessment.basis(), assessment.rate(), counted.tally().ratings());
    }

    private static BigDecimal rate(DelegateTask task) {
        Object value = task.getVariable(RECIPIENT_SATISFACTION);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(RECIPIENT_SATISFACTION, "「服务对象测评满意度（%）」应为数字");
        }
    }

    private static Integer respondents(DelegateTask task) {
        Object value = task.getVariable(RECIPIENT_RESPONDENTS);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            int respondents = new BigDecimal(value.toString()).intValueExact();
            if (respondents < 1) {
                throw new ArithmeticException("not positive");
            }
            return respondents;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(RECIPIENT_RESPONDENTS, "「服务对象测评参评人数」应为正整数");
        }
    }
}
