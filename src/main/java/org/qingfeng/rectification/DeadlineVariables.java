package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Sets the rectification deadline and everything derived from it, so the three never disagree. */
final class DeadlineVariables {

    private DeadlineVariables() {
    }

    /** A deadline that is a date: chosen at registration, granted as an extension, committed to in an interview. */
    static Date set(DelegateExecution execution, Deadlines deadlines, Date deadline) {
        assign(execution, deadlines, deadline);
        execution.removeVariable(DEADLINE_START);
        execution.removeVariable(DEADLINE_WORKING_DAYS);
        return deadline;
    }

    /**
     * A deadline {@code workingDays} working days from today, with what it was counted from, so that a change of the
     * working-day calendar can count it again ({@link DeadlineRecalculation}).
     */
    static Date setInWorkingDays(DelegateExecution execution, Deadlines deadlines, int workingDays) {
        LocalDate start = deadlines.today();
        Date deadline = deadlines.afterWorkingDays(start, workingDays);
        assign(execution, deadlines, deadline);
        execution.setVariable(DEADLINE_START, start.toString());
        execution.setVariable(DEADLINE_WORKING_DAYS, workingDays);
        return deadline;
    }

    /** The claim deadline, {@code workingDays} working days from today, likewise counted again on a calendar change. */
    static Date setClaimInWorkingDays(DelegateExecution execution, Deadlines deadlines, int workingDays) {
        LocalDate start = deadlines.today();
        Date claimDeadline = deadlines.afterWorkingDays(start, workingDays);
        execution.setVariable(CLAIM_DEADLINE, claimDeadline);
        execution.setVariable(CLAIM_DEADLINE_START, start.toString());
        execution.setVariable(CLAIM_DEADLINE_WORKING_DAYS, workingDays);
        return claimDeadline;
    }

    private static void assign(DelegateExecution execution, Deadlines deadlines, Date deadline) {
        execution.setVariable(RECTIFICATION_DEADLINE, deadline);
        execution.setVariable(RECTIFICATION_DEADLINE_TEXT, deadlines.display(deadline));
        execution.setVariable(YELLOW_WARNING_AT,
                deadlines.warningBefore(deadline, ProblemContext.ruleInt(execution, DEADLINE_RULE, YELLOW_WARNING_WORKING_DAYS)));
    }
}
