package org.qingfeng.identity;

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
 */
@Component
public class TasklistFilters {

    public TasklistFilters(FilterService filters, TaskService tasks) {
        create(filters, "我的待办", -10, "已由我签收、正在办理的任务",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create(filters, "本组待办", 0, "我所在科室或岗位的全部任务，含已被同事签收的",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create(filters, "已超期", 10, "已过办理时限的本组任务",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
    }

    private static void create(FilterService filters, String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
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
}
