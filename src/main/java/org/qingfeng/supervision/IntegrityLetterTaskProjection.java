package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Elements.*;
import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.qingfeng.engine.TaskProjection;
import org.qingfeng.rectification.ProblemContext;
import org.springframework.stereotype.Component;

/**
 * The letter's ledger row follows its tasks: each reply round sets the reply deadline the department head's task
 * got, and what the head replied, how discipline inspection judged it and how the supervising leader urged are
 * recorded as the tasks complete.
 */
@Component
public class IntegrityLetterTaskProjection implements TaskProjection {

    private final IntegrityLetters letters;

    public IntegrityLetterTaskProjection(IntegrityLetters letters) {
        this.letters = letters;
    }

    @Override
    public void taskCreated(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (REPLY_LETTER.equals(task.getTaskDefinitionKey()) && execution != null && execution.hasVariable(LETTER_ID)) {
            letters.awaitReply(((Number) execution.getVariable(LETTER_ID)).longValue(), task.getDueDate());
        }
    }

    @Override
    public void taskCompleted(DelegateTask task, Map<String, Object> filledIn) {
        String key = task.getTaskDefinitionKey();
        if (!task.hasVariable(LETTER_ID) || !(REPLY_LETTER.equals(key) || REVIEW_REPLY.equals(key) || URGE_REPLY.equals(key))) {
            return;
        }
        long id = letterId(task);
        String actor = ProblemContext.actor(task);
        if (ProblemContext.SYSTEM.equals(actor) && task.getAssignee() != null) {
            actor = task.getAssignee();
        }
        switch (key) {
            case REPLY_LETTER -> {
                String reply = ProblemContext.string(task, REPLY_TEXT);
                String measures = ProblemContext.string(task, REPLY_MEASURES);
                letters.replied(id, reply, measures, actor);
                letters.record(id, IntegrityLetters.EventType.REPLIED, actor, key, "对照检查情况：" + reply + "；整改措施：" + measures);
            }
            case REVIEW_REPLY -> {
                if (IntegrityReminder.Values.RETURN.equals(task.getVariable(REVIEW_DECISION))) {
                    String comment = ProblemContext.string(task, REVIEW_COMMENT);
                    letters.reviewed(id, comment);
                    letters.record(id, IntegrityLetters.EventType.REPLY_RETURNED, actor, key, comment);
                } else {
                    letters.record(id, IntegrityLetters.EventType.REPLY_ACCEPTED, actor, key, "答复合格");
                }
            }
            default -> letters.record(id, IntegrityLetters.EventType.URGED, actor, key, ProblemContext.string(task, URGE_NOTE));
        }
    }

    private static long letterId(DelegateTask task) {
        return ((Number) task.getVariable(LETTER_ID)).longValue();
    }
}
