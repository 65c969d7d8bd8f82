package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.engine.ProcessResourcesDeployer;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.ProblemLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A handful of problems at different stages, so that Tasklist and Cockpit show real work at first start.
 * Runs once, on an empty ledger, through the same process steps a person would take. The overdue case is
 * registered in the past by moving the engine clock, so its warnings and interview come from the real timers.
 */
@Component
@ConditionalOnProperty(name = {"qingfeng.demo.enabled", "qingfeng.demo.problems"}, havingValue = "true")
public class DemoProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProblems.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ProblemLedger ledger;
    private final Deadlines deadlines;
    private final WorkingDayCalendar calendar;
    private final DecisionService decisions;

    public DemoProblems(RuntimeService runtime, TaskService tasks, IdentityService identity, ProblemLedger ledger,
            Deadlines deadlines, WorkingDayCalendar calendar, DecisionService decisions,
            // not used, but the demo users and the deployed processes must exist before seeding
            DemoOrganisation organisation, ProcessResourcesDeployer deployed) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.decisions = decisions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void seed() {
        if (ledger.count() > 0) {
            return;
        }
        // reported, waiting for registration
        report("hotline", "public", "机关食堂售饭窗口工作人员态度生硬，对排队群众大声呵斥。");

        // registered, waiting for the department to claim it
        register(report("suggestionBox", "staff", "公务用车派车单登记不全，存在未经审批出车的情况。"), "vehicles", "discipline", "serious");

        // claimed, waiting for a rectification plan
        ProcessInstance conference = report("questionnaire", "staff", "会议室预约系统长期显示已满，实际多间空置，预约无人回复。");
        register(conference, "conference", "efficiency", "general");
        claim(conference, "chenjing");

        // in rectification with a progress report
        ProcessInstance maintenance = report("onlinePlatform", "public", "办公楼报修后三天无人上门，电话催问被互相推诿。");
        register(maintenance, "maintenance", "efficiency", "general");
        claim(maintenance, "xulei");
        plan(maintenance, "zhuhong", "建立报修首问负责和24小时响应制度，每周公示办理情况。");
        complete(maintenance, IMPLEMENT_RECTIFICATION, "zhuhong", Map.of(PROGRESS_ACTION, "progress",
                PROGRESS_REPORT, "已制定报修响应制度，正在培训维修人员。"));

        // extension requested, waiting for the work-style office
        ProcessInstance officeSpace = report("crossInspection", "staff", "办公用房调整申请提交两个月未办理，也未告知原因。");
        register(officeSpace, "officeSpace", "efficiency", "general");
        claim(officeSpace, "mabin");
        plan(officeSpace, "hujing", "梳理积压申请，逐件答复并限时办结。");
        complete(officeSpace, IMPLEMENT_RECTIFICATION, "hujing", Map.of(PROGRESS_ACTION, "extension",
                PROGRESS_REPORT, "积压申请已梳理完毕，共12件。", REQUESTED_DEADLINE,
                calendar.plusWorkingDays(deadlines.today(), 25).toString(), EXTENSION_REASON, "部分调整需报机关事务管理局审批。"));

        // registered long ago and now overdue: warnings and an escalation interview follow from the timers
        ClockUtil.setCurrentTime(deadlines.endOf(calendar.plusWorkingDays(deadlines.today(), -14)));
        try {
            ProcessInstance procurement = report("receptionDay", "enterprise", "物资采购询价不公开，企业多次询问得不到答复。");
            register(procurement, "procurement", "serviceQuality", "serious");
            claim(procurement, "wujie");
            plan(procurement, "zhengyu", "询价公告统一在门户网站公开，设立企业咨询专线。");
        } finally {
            ClockUtil.reset();
        }

        // registered so that its deadline passed early last month and still open: last month's review fails the canteen
        ClockUtil.setCurrentTime(deadlines.endOf(registeredForDeadlineLastMonth("efficiency", "general")));
        try {
            ProcessInstance canteen = report("fieldVisit", "staff", "食堂就餐高峰只开一个售饭窗口，排队超过二十分钟。");
            register(canteen, "canteen", "efficiency", "general");
            claim(canteen, "liuqiang");
            plan(canteen, "huangli", "高峰时段增开两个窗口，推行预约取餐。");
        } finally {
            ClockUtil.reset();
        }

        // closed, waiting for the six-month revisit
        ProcessInstance security = report("undercoverVisit", "public", "门岗对来访群众态度冷淡，登记手续繁琐。");
        register(security, "security", "attitude", "general");
        claim(security, "guoqiang");
        plan(security, "linna", "简化来访登记，开展文明接待培训。");
        complete(security, IMPLEMENT_RECTIFICATION, "linna", Map.of(PROGRESS_ACTION, "completed", PROGRESS_REPORT, "登记改为扫码，培训已完成。"));
        complete(security, VERIFY_RECTIFICATION, "wangfang", Map.of(VERIFICATION_DECISION, "pass", VERIFICATION_FINDINGS, "暗访复查，接待规范。"));
        complete(security, EVALUATE_SATISFACTION, "zhoumin", Map.of(INTERNAL_SATISFACTION, 93, RECIPIENT_SATISFACTION, 89,
                EVALUATION_NOTE, "内部测评40人，来访群众回访15人。"));
        complete(security, CLOSE_PROBLEM, "zhoumin", Map.of(OFFICIAL_REPLY, "您反映的门岗接待问题已整改：来访登记改为扫码，接待人员已培训。感谢监督。"));

        LOG.info("demo problems seeded count={}", ledger.count());
    }

    /** The day to register a problem of that kind so that its deadline is the fifth working day of last month. */
    private LocalDate registeredForDeadlineLastMonth(String category, String severity) {
        int days = ((Number) decisions.evaluateDecisionByKey("rectificationDeadline")
                .variables(Map.of(CATEGORY, category, SEVERITY, severity)).evaluate().getSingleResult()
                .getEntry("rectificationWorkingDays")).intValue();
        LocalDate lastMonth = deadlines.today().minusMonths(1).withDayOfMonth(1);
        return calendar.plusWorkingDays(calendar.plusWorkingDays(lastMonth.minusDays(1), 5), -days);
    }

    private ProcessInstance report(String channel, String reporterType, String description) {
        DemoOrganisation.actAs(identity, "wangfang");
        try {
            return runtime.startProcessInstanceByKey(ProblemLifecycle.PROCESS_KEY, Variables.createVariables()
                    .putValue(CHANNEL, channel).putValue(REPORTER_TYPE, reporterType).putValue(PROBLEM_DESCRIPTION, description));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void register(ProcessInstance instance, String department, String category, String severity) {
        String head = DemoOrganisation.DEPARTMENTS.stream().filter(d -> d.id().equals(department)).findFirst().orElseThrow().headUserId();
        VariableMap registration = Variables.createVariables()
                .putValue(REGISTRATION_DECISION, ProblemLifecycle.Values.ACCEPT)
                .putValue(CATEGORY, category).putValue(SEVERITY, severity)
                .putValue(RESPONSIBLE_DEPARTMENT, department).putValue(RESPONSIBLE_PERSON, head);
        complete(instance, REGISTER_PROBLEM, "wangfang", registration);
    }

    private void claim(ProcessInstance instance, String head) {
        complete(instance, CLAIM_RESPONSIBILITY, head, Map.of(CLAIM_DECISION, ProblemLifecycle.Values.ACCEPT));
    }

    private void plan(ProcessInstance instance, String staff, String plan) {
        complete(instance, PLAN_RECTIFICATION, staff, Map.of(RECTIFICATION_PLAN, plan));
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        DemoOrganisation.actAs(identity, user);
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
