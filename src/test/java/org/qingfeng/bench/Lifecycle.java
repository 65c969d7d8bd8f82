package org.qingfeng.bench;

import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.rectification.ProblemLifecycle;

/**
 * One problem from report to closure on a given engine, through the Java API the way the process tests drive it:
 * each task found by the instance's business key and completed as the demo user whose job it is.
 */
final class Lifecycle {

    private final ProcessEngine engine;

    Lifecycle(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Report → register → claim → plan → implement (completed) → verify (pass) → evaluate → close; the instance. */
    ProcessInstance run(int n) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY,
                Variables.createVariables()
                        .putValue(CHANNEL, "hotline")
                        .putValue(REPORTER_TYPE, "public")
                        .putValue(PROBLEM_DESCRIPTION, "食堂窗口工作人员服务态度生硬，排队时呵斥群众（第" + n + "件）"));
        complete(instance, REGISTER_PROBLEM, "wangfang", Variables.createVariables()
                .putValue(REGISTRATION_DECISION, "accept")
                .putValue(CATEGORY, "attitude")
                .putValue(SEVERITY, "general")
                .putValue(RESPONSIBLE_DEPARTMENT, "canteen")
                .putValue(RESPONSIBLE_PERSON, "刘强"));
        complete(instance, CLAIM_RESPONSIBILITY, "liuqiang", Map.of(CLAIM_DECISION, "accept"));
        complete(instance, PLAN_RECTIFICATION, "huangli", Map.of(RECTIFICATION_PLAN, "开展服务礼仪培训，设立窗口服务监督岗，月底前完成"));
        complete(instance, IMPLEMENT_RECTIFICATION, "huangli", Map.of(PROGRESS_ACTION, "completed", PROGRESS_REPORT, "已完成培训两次"));
        complete(instance, VERIFY_RECTIFICATION, "wangfang", Map.of(VERIFICATION_DECISION, "pass", VERIFICATION_FINDINGS, "现场核查属实"));
        complete(instance, EVALUATE_SATISFACTION, "zhoumin", Map.of(INTERNAL_SATISFACTION, 92, RECIPIENT_SATISFACTION, 90,
                EVALUATION_NOTE, "内部30人，服务对象20人"));
        complete(instance, CLOSE_PROBLEM, "zhoumin", Map.of(OFFICIAL_REPLY, "经核查属实，已对当事人批评教育并调整窗口服务流程，感谢监督。"));
        return instance;
    }

    /** Whether the instance has reached the wait for its revisit, i.e. has been closed. */
    boolean awaitsRevisit(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(REVISIT_TIMER).timers().count() == 1;
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException(instance.getBusinessKey() + " has no open task " + taskKey);
        }
        ProcessTestSupport.authenticateAs(engine, user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
