package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 发出提醒函: the text as discipline inspection approved it goes into the ledger together with the printable letter,
 * rendered once from the template and kept as sent. The reply deadline printed on it is the one the department
 * head's task gets, counted in working days.
 */
@Component("sendIntegrityLetter")
public class SendIntegrityLetterDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendIntegrityLetterDelegate.class);

    private final IntegrityLetters letters;
    private final IntegrityLetterDocuments documents;
    private final EarlyWarningTimes times;

    public SendIntegrityLetterDelegate(IntegrityLetters letters, IntegrityLetterDocuments documents, EarlyWarningTimes times) {
        this.letters = letters;
        this.documents = documents;
        this.times = times;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(LETTER_ID)).longValue();
        IntegrityLetter letter = letters.find(id).orElseThrow(() -> new IllegalStateException("no integrity letter " + id));
        String text = ProblemContext.string(execution, LETTER_TEXT).strip();
        Date replyDue = times.replyDue();
        String actor = ProblemContext.actor(execution);
        String document = documents.render(letter, text, ClockUtil.getCurrentTime(), replyDue);
        letters.send(id, text, actor, replyDue, document.getBytes(StandardCharsets.UTF_8));
        letters.record(id, IntegrityLetters.EventType.SENT, actor, execution.getCurrentActivityId(),
                "答复期限 " + documents.display(replyDue));
        LOG.info("integrity letter sent number={}", letter.number());
    }
}
