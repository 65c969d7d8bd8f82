package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.LETTER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a letter's process ends without closing the letter — an administrator cancelled the instance in Cockpit — the
 * letter is marked withdrawn (已撤销), so the department is not held to have an open letter for ever.
 */
@Component("releaseIntegrityLetter")
public class ReleaseIntegrityLetterListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseIntegrityLetterListener.class);

    private final IntegrityLetters letters;

    public ReleaseIntegrityLetterListener(IntegrityLetters letters) {
        this.letters = letters;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(LETTER_ID);
        if (id != null && letters.withdraw(((Number) id).longValue())) {
            letters.record(((Number) id).longValue(), IntegrityLetters.EventType.WITHDRAWN, ProblemContext.actor(execution),
                    null, "流程终止，提醒函撤销");
            LOG.info("integrity letter withdrawn number={}", execution.getProcessBusinessKey());
        }
    }
}
