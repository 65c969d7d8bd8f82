package org.qingfeng.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every user starts with; without a filter Tasklist shows no tasks at all. They are defined
 * by expressions on the logged-in user, so one set serves everyone. Created once; edits made in Tasklist stay.
 * Filters created by earlier versions under an old name are renamed in place (their id, and so any link to them,
 * stays), and a description still holding an old default text gets the current one.
 */
@Component
public class TasklistFilters {

    static final String MINE = "我的待办";
    static final String DEPARTMENT = "本科室待办";
    static final String DUE_SOON = "即将超期";
    static final String OVERDUE = "已超期";

    /** Name used before 本科室待办. */
    static final String FORMER_DEPARTMENT = "本组待办";
    /** Default descriptions of earlier versions, replaced by the current ones. */
    private static final Map<String, String> FORMER_DESCRIPTIONS = Map.of(
            DEPARTMENT, "我所在科室或岗位的全部任务，含已被同事签收的",
            OVERDUE, "已过办理时限的本组任务");

    public TasklistFilters(FilterService filters, TaskService tasks) {
        rename(filters, FORMER_DEPARTMENT, DEPARTMENT);
        create(filters, MINE, -10, "已由我签收、正在办理的任务",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create(filters, DEPARTMENT, 0, "本科室（本岗位）的全部待办任务，含已被同事签收的",
                departmentTasks(tasks));
        create(filters, DUE_SOON, 5, "两天内到期、尚未办结的本科室任务",
                departmentTasks(tasks).dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2)}"));
        create(filters, OVERDUE, 10, "已过办理时限、尚未办结的本科室任务",
                departmentTasks(tasks).dueBeforeExpression("${now()}"));
    }

    private static TaskQuery departmentTasks(TaskService tasks) {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private static void rename(FilterService filters, String formerName, String name) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        for (Filter filter : filters.createFilterQuery().filterName(formerName).unlimitedList()) {
            filter.setName(name);
            filters.saveFilter(filter);
        }
    }

    private static void create(FilterService filters, String name, int priority, String description, TaskQuery query) {
        List<Filter> existing = filters.createFilterQuery().filterName(name).unlimitedList();
        if (!existing.isEmpty()) {
            for (Filter filter : existing) {
                updateFormerDescription(filters, filter, description);
            }
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                        // shown on every task card, so people see which problem a task is about
                        "variables", List.of(
                                Map.of("name", "problemNumber", "label", "台账编号"),
                                Map.of("name", "rectificationDeadlineText", "label", "整改时限"),
                                Map.of("name", "problemDescription", "label", "问题"))));
        filters.saveFilter(filter);
    }

    private static void updateFormerDescription(FilterService filters, Filter filter, String description) {
        Map<String, Object> properties = filter.getProperties();
        String former = FORMER_DESCRIPTIONS.get(filter.getName());
        if (properties == null || former == null || !former.equals(properties.get("description"))) {
            return;
        }
        Map<String, Object> updated = new HashMap<>(properties);
        updated.put("description", description);
        filter.setProperties(updated);
        filters.saveFilter(filter);
    }
}
