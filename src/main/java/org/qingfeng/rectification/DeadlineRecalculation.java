package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.qingfeng.calendar.CalendarChange;
import org.qingfeng.calendar.CalendarChangeListener;
import org.qingfeng.calendar.WorkingDayCalendar;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemLedger.RunningDeadline;
import org.qingfeng.ledger.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the working-day calendar changes, counts again the claim and rectification deadlines of the problems still
 * running that were counted in working days (the DMN default at registration, a re-opened rectification), from the
 * same start and the same number of working days. A moved deadline is written to the process, the ledger and the
 * timeline, and the deadline watch is re-armed; the yellow warning, counted back from the deadline, is counted
 * again for every running deadline, including dates a person chose.
 * <p>
 * Only deadlines still ahead are touched, and only while they are what the old calendar gave; a deadline already
 * passed has had its consequences (red warning, interview), and a date set by a person stays as it was.
 */
@Component
@Order(1)
public class DeadlineRecalculation implements CalendarChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecalculation.class);
    /** Stages in which the rectification deadline still runs: from registration to the verification of the result. */
    private static final Set<Stage> RUNNING = EnumSet.of(Stage.CLAIM, Stage.RETURN_REVIEW, Stage.PLANNING, Stage.RECTIFICATION,
            Stage.EXTENSION_REVIEW, Stage.VERIFICATION);
    private static final List<String> VARIABLES = List.of(RECTIFICATION_DEADLINE, DEADLINE_START, DEADLINE_WORKING_DAYS,
            YELLOW_WARNING_AT, DEADLINE_RULE, CLAIM_DEADLINE, CLAIM_DEADLINE_START, CLAIM_DEADLINE_WORKING_DAYS);
    private static final int BATCH = 500;
    private static final int MAX_DAYS_SHOWN = 5;

    private final ProblemLedger ledger;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    public DeadlineRecalculation(ProblemLedger ledger, Deadlines deadlines, RuntimeService runtime, TaskService tasks,
            ManagementService management) {
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    @Override
    public Map<String, Integer> calendarChanged(CalendarChange change) {
        Date now = ClockUtil.getCurrentTime();
        List<RunningDeadline> problems = ledger.runningDeadlines(now, RUNNING);
        Map<String, Map<String, Object>> variables = variables(problems);
        int claims = 0;
        int rectifications = 0;
        for (RunningDeadline problem : problems) {
            Map<String, Object> vars = variables.get(problem.processInstanceId());
            if (vars == null) {
                continue;
            }
            if (problem.stage() == Stage.CLAIM && after(problem.claimDeadline(), now) && recountClaim(problem, vars, change)) {
                claims++;
            }
            if (after(problem.deadline(), now) && recountRectification(problem, vars, change)) {
                rectifications++;
            }
        }
        Map<String, Integer> counted = new LinkedHashMap<>();
        counted.put("problemDeadlines", rectifications);
        counted.put("claimDeadlines", claims);
        return counted;
    }

    private boolean recountClaim(RunningDeadline problem, Map<String, Object> vars, CalendarChange change) {
        Date current = (Date) vars.get(CLAIM_DEADLINE);
        Date recounted = recount(current, vars.get(CLAIM_DEADLINE_START), vars.get(CLAIM_DEADLINE_WORKING_DAYS), change);
        if (recounted == null || same(recounted, current)) {
            return false;
        }
        String pid = problem.processInstanceId();
        runtime.setVariable(pid, CLAIM_DEADLINE, recounted);
        ledger.setClaimDeadline(problem.id(), recounted);
        ledger.record(problem.id(), EventType.CLAIM_DEADLINE_RECALCULATED, change.actor(), null,
                "签收时限因节假日调整而重新计算：由 " + deadlines.display(current) + " 调整为 " + deadlines.display(recounted)
                        + days(change));
        moveTimer(pid, ProblemLifecycle.Elements.CLAIM_OVERDUE_TIMER, current, recounted);
        moveTaskDueDates(pid, current, recounted);
        LOG.info("claim deadline recounted number={} from={} to={}", problem.number(), current.toInstant(), recounted.toInstant());
        return true;
    }

    private boolean recountRectification(RunningDeadline problem, Map<String, Object> vars, CalendarChange change) {
        Date current = (Date) vars.get(RECTIFICATION_DEADLINE);
        if (current == null) {
            return false;
        }
        Date recounted = recount(current, vars.get(DEADLINE_START), vars.get(DEADLINE_WORKING_DAYS), change);
        Date deadline = recounted == null ? current : recounted;
        Date yellowAt = (Date) vars.get(YELLOW_WARNING_AT);
        Integer warningDays = warningDays(vars.get(DEADLINE_RULE));
        Date newYellowAt = warningDays == null ? yellowAt : deadlines.warningBefore(deadline, warningDays, change.after());
        boolean deadlineMoved = !same(deadline, current);
        boolean warningMoved = !same(newYellowAt, yellowAt);
        if (!deadlineMoved && !warningMoved) {
            return false;
        }
        String pid = problem.processInstanceId();
        Map<String, Object> update = new HashMap<>();
        update.put(YELLOW_WARNING_AT, newYellowAt);
        if (deadlineMoved) {
            update.put(RECTIFICATION_DEADLINE, deadline);
            update.put(RECTIFICATION_DEADLINE_TEXT, deadlines.display(deadline));
        }
        runtime.setVariables(pid, update);
        if (deadlineMoved) {
            ledger.setDeadline(problem.id(), deadline);
            ledger.record(problem.id(), EventType.DEADLINE_RECALCULATED, change.actor(), null,
                    "整改时限因节假日调整而重新计算：由 " + deadlines.display(current) + " 调整为 " + deadlines.display(deadline)
                            + days(change));
            moveTaskDueDates(pid, current, deadline);
            LOG.info("rectification deadline recounted number={} from={} to={}", problem.number(), current.toInstant(),
                    deadline.toInstant());
        }
        rearm(pid, current, deadline);
        return deadlineMoved;
    }

    /**
     * While the yellow warning is still ahead, the watch starts over with the new dates. Once it has gone out, only
     * the deadline's timer moves: starting over would warn a second time about the same deadline.
     */
    private void rearm(String pid, Date oldDeadline, Date deadline) {
        if (timer(pid, ProblemLifecycle.Elements.YELLOW_WARNING_TIMER) != null) {
            DeadlineWatch.rearm(runtime, pid);
        } else {
            moveTimer(pid, ProblemLifecycle.Elements.DEADLINE_REACHED_TIMER, oldDeadline, deadline);
        }
    }

    /** The deadline counted again on the new calendar, or null when it was not counted in working days. */
    private Date recount(Date current, Object start, Object workingDays, CalendarChange change) {
        if (current == null || !(start instanceof String from) || !(workingDays instanceof Number days)) {
            return null;
        }
        LocalDate startDay = LocalDate.parse(from);
        if (!same(count(startDay, days.intValue(), change.before()), current)) {
            // set by some other means since it was counted: not ours to recount
            return null;
        }
        return count(startDay, days.intValue(), change.after());
    }

    private Date count(LocalDate start, int days, WorkingDayCalendar calendar) {
        return deadlines.afterWorkingDays(start, days, calendar);
    }

    private void moveTimer(String pid, String activityId, Date from, Date to) {
        Job job = timer(pid, activityId);
        if (job != null && same(job.getDuedate(), from) && !same(from, to)) {
            management.setJobDuedate(job.getId(), to);
        }
    }

    private Job timer(String pid, String activityId) {
        return management.createJobQuery().processInstanceId(pid).activityId(activityId).timers().singleResult();
    }

    private void moveTaskDueDates(String pid, Date from, Date to) {
        for (Task task : tasks.createTaskQuery().processInstanceId(pid).dueDate(from).unlimitedList()) {
            task.setDueDate(to);
            tasks.saveTask(task);
        }
    }

    /** The variables of all the problems' processes in a few queries, by process instance. */
    private Map<String, Map<String, Object>> variables(List<RunningDeadline> problems) {
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        List<String> ids = problems.stream().map(RunningDeadline::processInstanceId).distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<VariableInstance> found = runtime.createVariableInstanceQuery()
                    .processInstanceIdIn(batch.toArray(String[]::new))
                    .variableNameIn(VARIABLES.toArray(String[]::new))
                    .unlimitedList();
            for (VariableInstance v : found) {
                if (v.getProcessInstanceId().equals(v.getExecutionId())) {
                    byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
                }
            }
        }
        return byInstance;
    }

    private static Integer warningDays(Object rule) {
        if (rule instanceof Map<?, ?> map && map.get(YELLOW_WARNING_WORKING_DAYS) instanceof Number n) {
            return n.intValue();
        }
        return null;
    }

    /** The days that changed between working and rest, for the timeline: （日历调整：2026-10-09 放假（国庆节））. */
    private static String days(CalendarChange change) {
        List<String> days = new ArrayList<>();
        for (CalendarChange.DayChange day : change.days()) {
            boolean working = change.after().isWorkingDay(day.date());
            if (working != change.before().isWorkingDay(day.date())) {
                days.add(day.date() + (working ? " 上班" : " 放假") + (day.after() == null ? "" : "（" + day.after().name() + "）"));
            }
        }
        String shown = days.stream().limit(MAX_DAYS_SHOWN).collect(Collectors.joining("，"));
        return "（日历调整：" + shown + (days.size() > MAX_DAYS_SHOWN ? " 等 " + days.size() + " 天" : "") + "）";
    }

    private static boolean after(Date date, Date now) {
        return date != null && date.after(now);
    }

    private static boolean same(Date a, Date b) {
        return a == null ? b == null : b != null && a.getTime() == b.getTime();
    }
}
