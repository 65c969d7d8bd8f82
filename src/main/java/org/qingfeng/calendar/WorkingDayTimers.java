package org.qingfeng.calendar;

import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After a calendar change, counts again the timers and user-task due dates of every process that were declared in
 * working days — {@code 3 working days} in a timeDate or timeDuration or {@code camunda:dueDate}, a working-day
 * schedule in a timeCycle — from the moment the job or task was created, and moves those that now fall elsewhere.
 * <p>
 * Only what has not fallen due yet is moved, and only when its due date is still the one the old calendar gave:
 * a date somebody set by hand is left alone. A declaration written as an expression is read again only when it is
 * a plain reference ({@code ${reminderDelay}}, {@code ${supervisionSettings.reportCycle}}) that yields such a text;
 * anything else ({@code ${workingDays.after(3)}}, a computed date) cannot be counted again safely and is left as it
 * is, with a line in the log. Dates held in process variables belong to their process: the problem lifecycle recounts
 * its own deadlines (see {@code rectification.DeadlineRecalculation}).
 */
@Component
@Order(2)
public class WorkingDayTimers implements CalendarChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayTimers.class);
    /** A property path and nothing else: reading it again has no side effects. */
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("[$#]\\{\\s*[A-Za-z_]\\w*(\\s*\\.\\s*[A-Za-z_]\\w*)*\\s*}");
    private static final Object UNREADABLE = new Object();

    private record Declaration(String type, String text, String where) {
    }

    private final ProcessEngine engine;
    private final CalendarSettings settings;

    public WorkingDayTimers(ProcessEngine engine, CalendarSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public Map<String, Integer> calendarChanged(CalendarChange change) {
        WorkingDayBusinessCalendars before = new WorkingDayBusinessCalendars(change.before(), settings);
        WorkingDayBusinessCalendars after = new WorkingDayBusinessCalendars(change.after(), settings);
        Date now = ClockUtil.getCurrentTime();
        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put("timers", moveTimers(before, after, now));
        moved.put("taskDueDates", moveTaskDueDates(before, after, now));
        return moved;
    }

    private int moveTimers(WorkingDayBusinessCalendars before, WorkingDayBusinessCalendars after, Date now) {
        Map<String, Optional<Declaration>> declarations = new HashMap<>();
        Set<String> yieldDates = new HashSet<>();
        int moved = 0;
        for (Job job : engine.getManagementService().createJobQuery().timers().duedateHigherThan(now).unlimitedList()) {
            if (job.getJobDefinitionId() == null || job.getCreateTime() == null) {
                continue;
            }
            Declaration declaration = declarations.computeIfAbsent(job.getJobDefinitionId(), this::timerDeclaration).orElse(null);
            if (declaration == null || yieldDates.contains(job.getJobDefinitionId())) {
                continue;
            }
            String text = text(declaration, job.getExecutionId(), job.getJobDefinitionId(), yieldDates);
            Optional<Date> old = text == null ? Optional.empty() : due(before, declaration.type(), text, job.getCreateTime());
            if (old.isEmpty() || old.get().getTime() != job.getDuedate().getTime()) {
                continue;
            }
            Date due = due(after, declaration.type(), text, job.getCreateTime()).orElseThrow();
            if (due.getTime() != job.getDuedate().getTime()) {
                engine.getManagementService().setJobDuedate(job.getId(), due);
                LOG.info("timer counted again job={} at={} processInstance={} from={} to={}", job.getId(), declaration.where(),
                        job.getProcessInstanceId(), job.getDuedate().toInstant(), due.toInstant());
                moved++;
            }
        }
        return moved;
    }

    private int moveTaskDueDates(WorkingDayBusinessCalendars before, WorkingDayBusinessCalendars after, Date now) {
        Map<String, Optional<Declaration>> declarations = new HashMap<>();
        Set<String> yieldDates = new HashSet<>();
        int moved = 0;
        for (Task task : engine.getTaskService().createTaskQuery().dueAfter(now).unlimitedList()) {
            if (task.getProcessDefinitionId() == null || task.getCreateTime() == null) {
                continue;
            }
            String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
            Declaration declaration = declarations.computeIfAbsent(key,
                    k -> dueDateDeclaration(task.getProcessDefinitionId(), task.getTaskDefinitionKey())).orElse(null);
            if (declaration == null || yieldDates.contains(key)) {
                continue;
            }
            String text = text(declaration, task.getExecutionId(), key, yieldDates);
            Optional<Date> old = text == null ? Optional.empty() : before.workingDaysAfter(text, task.getCreateTime());
            if (old.isEmpty() || old.get().getTime() != task.getDueDate().getTime()) {
                continue;
            }
            Date due = after.workingDaysAfter(text, task.getCreateTime()).orElseThrow();
            if (due.getTime() != task.getDueDate().getTime()) {
                LOG.info("task due date counted again task={} at={} processInstance={} from={} to={}", task.getId(),
                        declaration.where(), task.getProcessInstanceId(), task.getDueDate().toInstant(), due.toInstant());
                task.setDueDate(due);
                engine.getTaskService().saveTask(task);
                moved++;
            }
        }
        return moved;
    }

    private static Optional<Date> due(WorkingDayBusinessCalendars calendars, String type, String text, Date start) {
        return "CYCLE".equals(type) ? calendars.scheduled(text, start) : calendars.workingDaysAfter(text, start);
    }

    /** The declaration's text, read again if it is a plain reference; null when it cannot be counted in working days. */
    private String text(Declaration declaration, String executionId, String declarationKey, Set<String> yieldDates) {
        String text = declaration.text();
        if (!text.contains("{")) {
            return text;
        }
        Object value = evaluate(text, executionId);
        if (value instanceof String s) {
            return s;
        }
        if (value != UNREADABLE) {
            // a date or a number: not counted in working days here, and the same for every job of this declaration
            yieldDates.add(declarationKey);
        }
        return null;
    }

    private Optional<Declaration> timerDeclaration(String jobDefinitionId) {
        JobDefinition definition = engine.getManagementService().createJobDefinitionQuery()
                .jobDefinitionId(jobDefinitionId).singleResult();
        String configuration = definition == null ? null : definition.getJobConfiguration();
        int colon = configuration == null ? -1 : configuration.indexOf(": ");
        if (colon < 0) {
            return Optional.empty();
        }
        String where = definition.getProcessDefinitionKey() + "/" + definition.getActivityId();
        return readable(new Declaration(configuration.substring(0, colon), configuration.substring(colon + 2).trim(), where));
    }

    private Optional<Declaration> dueDateDeclaration(String processDefinitionId, String taskDefinitionKey) {
        ModelElementInstance element = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId)
                .getModelElementById(taskDefinitionKey);
        String dueDate = element instanceof UserTask task ? task.getCamundaDueDate() : null;
        if (dueDate == null || dueDate.isBlank()) {
            return Optional.empty();
        }
        return readable(new Declaration("DATE", dueDate.trim(), processDefinitionId + "/" + taskDefinitionKey));
    }

    private static Optional<Declaration> readable(Declaration declaration) {
        if (!declaration.text().contains("{")) {
            return WorkingDayBusinessCalendars.countsWorkingDays(declaration.text()) ? Optional.of(declaration) : Optional.empty();
        }
        if (!PLAIN_REFERENCE.matcher(declaration.text()).matches()) {
            LOG.info("working-day recount skips {} '{}': an expression that cannot be evaluated again safely",
                    declaration.where(), declaration.text());
            return Optional.empty();
        }
        return Optional.of(declaration);
    }

    /** Reads a plain reference in the scope of the job's or task's execution, as the engine did when it created them. */
    private Object evaluate(String expression, String executionId) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            // failures are caught here: an exception leaving the command would mark the whole change for rollback
            try {
                VariableScope scope = executionId == null ? StartProcessVariableScope.getSharedInstance()
                        : context.getExecutionManager().findExecutionById(executionId);
                return scope == null ? UNREADABLE : configuration.getExpressionManager().createExpression(expression).getValue(scope);
            } catch (RuntimeException e) {
                LOG.info("working-day recount cannot read '{}' for execution={}: {}", expression, executionId, e.getMessage());
                return UNREADABLE;
            }
        });
    }
}
