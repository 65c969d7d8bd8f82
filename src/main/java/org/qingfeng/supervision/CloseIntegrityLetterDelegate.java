package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 提醒函办结: discipline inspection accepted the department's reply. */
@Component("closeIntegrityLetter")
public class CloseIntegrityLetterDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CloseIntegrityLetterDelegate.class);

    private final IntegrityLetters letters;

    public CloseIntegrityLetterDelegate(IntegrityLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(LETTER_ID)).longValue();
        letters.close(id);
        letters.record(id, IntegrityLetters.EventType.CLOSED, ProblemContext.actor(execution), execution.getCurrentActivityId(),
                "答复经审核合格，提醒函办结");
        LOG.info("integrity letter closed number={}", execution.getProcessBusinessKey());
    }
}
