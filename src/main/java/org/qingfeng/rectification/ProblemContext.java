package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.PROBLEM_ID;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reads the facts every step needs from the process variables. */
public final class ProblemContext {

    /** Actor recorded for steps that no person triggered (timers). */
    public static final String SYSTEM = "system";

    private ProblemContext() {
    }

    public static long problemId(VariableScope scope) {
        return ((Number) scope.getVariable(PROBLEM_ID)).longValue();
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static Date date(VariableScope scope, String name) {
        return (Date) scope.getVariable(name);
    }

    public static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** An integer output of a DMN single result held in {@code ruleVariable}. */
    public static int ruleInt(VariableScope scope, String ruleVariable, String output) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) scope.getVariable(ruleVariable);
        return ((Number) rule.get(output)).intValue();
    }

    /** The logged-in user who caused this step, or {@link #SYSTEM}. */
    public static String actor(ProcessEngineServicesAware scope) {
        Authentication auth = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? SYSTEM : auth.getUserId();
    }
}
