package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 不予发函: discipline inspection found the warning unfounded. The letter stays in the ledger with the reason, and
 * counts as this month's letter, so the scan does not raise the same warning again tomorrow.
 */
@Component("cancelIntegrityLetter")
public class CancelIntegrityLetterDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CancelIntegrityLetterDelegate.class);

    private final IntegrityLetters letters;

    public CancelIntegrityLetterDelegate(IntegrityLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(LETTER_ID)).longValue();
        String reason = ProblemContext.string(execution, CANCEL_REASON);
        letters.cancel(id, reason);
        letters.record(id, IntegrityLetters.EventType.CANCELLED, ProblemContext.actor(execution),
                execution.getCurrentActivityId(), reason);
        LOG.info("integrity letter cancelled number={}", execution.getProcessBusinessKey());
    }
}
