package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.qingfeng.engine.TaskProjection;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.LedgerRecords;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.Stage;
import org.springframework.stereotype.Component;

/** The ledger's stage follows the open task of the problem; every completed task is a line in its timeline. */
@Component
public class LedgerTaskProjection implements TaskProjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Stage> STAGES = Map.of(
            REGISTER_PROBLEM, Stage.REGISTRATION,
            CLAIM_RESPONSIBILITY, Stage.CLAIM,
            REVIEW_RETURN, Stage.RETURN_REVIEW,
            PLAN_RECTIFICATION, Stage.PLANNING,
            IMPLEMENT_RECTIFICATION, Stage.RECTIFICATION,
            REVIEW_EXTENSION, Stage.EXTENSION_REVIEW,
            VERIFY_RECTIFICATION, Stage.VERIFICATION,
            EVALUATE_SATISFACTION, Stage.EVALUATION,
            CLOSE_PROBLEM, Stage.CLOSURE,
            REVISIT_PROBLEM, Stage.REVISIT);

    private final ProblemLedger ledger;
    private final LedgerRecords records;
    private final Deadlines deadlines;

    public LedgerTaskProjection(ProblemLedger ledger, LedgerRecords records, Deadlines deadlines) {
        this.ledger = ledger;
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void taskCreated(DelegateTask task) {
        Stage stage = STAGES.get(task.getTaskDefinitionKey());
        DelegateExecution execution = task.getExecution();
        if (stage != null && execution != null && execution.hasVariable(ProblemLifecycle.Variables.PROBLEM_ID)) {
            ledger.enterStage(ProblemContext.problemId(execution), stage);
        }
    }

    @Override
    public void taskCompleted(DelegateTask task, Map<String, Object> filledIn) {
        if (!task.hasVariable(ProblemLifecycle.Variables.PROBLEM_ID)) {
            return;
        }
        String actor = ProblemContext.actor(task);
        if (ProblemContext.SYSTEM.equals(actor) && task.getAssignee() != null) {
            actor = task.getAssignee();
        }
        long id = ProblemContext.problemId(task);
        recordStep(task, id, actor);
        try {
            ledger.record(id, EventType.TASK_COMPLETED, actor, task.getTaskDefinitionKey(),
                    task.getName() + " " + JSON.writeValueAsString(filledIn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The typed record of the steps that produce one. */
    private void recordStep(DelegateTask task, long id, String actor) {
        switch (task.getTaskDefinitionKey()) {
            case PLAN_RECTIFICATION -> records.plan(id, ProblemContext.string(task, RECTIFICATION_PLAN), actor);
            case IMPLEMENT_RECTIFICATION -> {
                String action = ProblemContext.string(task, PROGRESS_ACTION);
                records.progress(id, action, ProblemContext.string(task, PROGRESS_REPORT), actor);
                if (ProblemLifecycle.Values.EXTENSION.equals(action)) {
                    records.extensionRequested(id, deadlines.endOf(LocalDate.parse(ProblemContext.string(task, REQUESTED_DEADLINE))),
                            ProblemContext.string(task, EXTENSION_REASON), actor);
                }
            }
            case REVIEW_EXTENSION -> records.extensionDecided(id, ProblemContext.string(task, EXTENSION_DECISION),
                    ProblemContext.string(task, EXTENSION_COMMENT), actor);
            case EVALUATE_SATISFACTION -> records.evaluation(id, (Number) task.getVariable(INTERNAL_SATISFACTION),
                    (Number) task.getVariable(RECIPIENT_SATISFACTION), ProblemContext.string(task, EVALUATION_NOTE), actor);
            default -> {
                // the other steps' records are written by their service tasks
            }
        }
    }
}
