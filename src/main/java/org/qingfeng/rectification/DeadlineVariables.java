package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Sets the rectification deadline and everything derived from it, so the three never disagree. */
final class DeadlineVariables {

    private DeadlineVariables() {
    }

    static void set(DelegateExecution execution, Deadlines deadlines, Date deadline) {
        execution.setVariable(RECTIFICATION_DEADLINE, deadline);
        execution.setVariable(RECTIFICATION_DEADLINE_TEXT, deadlines.display(deadline));
        execution.setVariable(YELLOW_WARNING_AT,
                deadlines.warningBefore(deadline, ProblemContext.ruleInt(execution, DEADLINE_RULE, YELLOW_WARNING_WORKING_DAYS)));
    }
}
