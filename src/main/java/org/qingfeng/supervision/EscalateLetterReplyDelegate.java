package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 催办并报分管领导督促: the reply deadline has passed in silence. The department head is reminded (the reply task
 * stays open) and the department's supervising leader gets a task to urge the reply; the ledger records both.
 */
@Component("escalateLetterReply")
public class EscalateLetterReplyDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EscalateLetterReplyDelegate.class);

    private final IntegrityLetters letters;
    private final IntegrityLetterDocuments documents;

    public EscalateLetterReplyDelegate(IntegrityLetters letters, IntegrityLetterDocuments documents) {
        this.letters = letters;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(LETTER_ID)).longValue();
        IntegrityLetter letter = letters.find(id).orElseThrow(() -> new IllegalStateException("no integrity letter " + id));
        String leader = ProblemContext.string(execution, SUPERVISING_LEADER_ID);
        String due = documents.display(letter.replyDue());
        letters.escalated(id, leader);
        letters.record(id, IntegrityLetters.EventType.REPLY_OVERDUE, ProblemContext.SYSTEM, execution.getCurrentActivityId(),
                "答复期限（" + due + "）已到，科室未答复；已催办科室负责人，并报分管领导督促");
        execution.setVariable(REPLY_DUE_TEXT, due);
        LOG.info("integrity letter reply overdue number={} escalation={}", letter.number(), letter.escalationCount() + 1);
    }
}
