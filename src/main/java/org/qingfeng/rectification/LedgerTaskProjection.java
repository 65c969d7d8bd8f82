package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.qingfeng.engine.TaskProjection;
import org.qingfeng.ledger.EventType;
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

    public LedgerTaskProjection(ProblemLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void taskCreated(DelegateTask task) {
        Stage stage = STAGES.get(task.getTaskDefinitionKey());
        if (stage != null && task.hasVariable(ProblemLifecycle.Variables.PROBLEM_ID)) {
            ledger.enterStage(ProblemContext.problemId(task), stage);
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
        try {
            ledger.record(ProblemContext.problemId(task), EventType.TASK_COMPLETED, actor, task.getTaskDefinitionKey(),
                    task.getName() + " " + JSON.writeValueAsString(filledIn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
