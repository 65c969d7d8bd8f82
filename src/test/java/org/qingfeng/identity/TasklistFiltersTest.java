package org.qingfeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

class TasklistFiltersTest extends ProcessTestSupport {

    private static final String GROUP = "tasklistFiltersTestGroup";

    private final List<String> createdTasks = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        engine.getIdentityService().clearAuthentication();
        createdTasks.forEach(id -> engine.getTaskService().deleteTask(id, true));
    }

    @Test
    void everyoneStartsWithTheFourChineseFilters() {
        FilterService filters = engine.getFilterService();
        for (String name : List.of("我的待办", "本科室待办", "即将超期", "已超期")) {
            List<Filter> found = filters.createFilterQuery().filterName(name).list();
            assertThat(found).as(name).hasSize(1);
            assertThat((String) found.get(0).getProperties().get("description")).as(name).isNotBlank()
                    .doesNotContain("本组");
        }
        assertThat(filters.createFilterQuery().filterName("本组待办").count()).isZero();
    }

    @Test
    void theFormerGroupFilterIsRenamedNotDuplicated() {
        FilterService filters = engine.getFilterService();
        TaskService tasks = engine.getTaskService();
        Filter current = filters.createFilterQuery().filterName("本科室待办").singleResult();
        filters.deleteFilter(current.getId());
        Filter former = filters.newTaskFilter("本组待办")
                .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks())
                .setProperties(Map.of("priority", 0, "description", "我所在科室或岗位的全部任务，含已被同事签收的",
                        "refresh", true));
        filters.saveFilter(former);

        new TasklistFilters(filters, tasks);
        new TasklistFilters(filters, tasks);

        assertThat(filters.createFilterQuery().filterName("本组待办").count()).isZero();
        Filter renamed = filters.createFilterQuery().filterName("本科室待办").singleResult();
        assertThat(renamed.getId()).isEqualTo(former.getId());
        assertThat((String) renamed.getProperties().get("description")).contains("本科室");
        assertThat(renamed.getProperties()).containsEntry("priority", 0);
    }

    @Test
    void dueSoonShowsTasksDueWithinTwoDaysAndOverdueThoseAlreadyDue() {
        String dueTomorrow = task("明天到期", MONDAY_MORNING.plusDays(1));
        String dueInThreeDays = task("三天后到期", MONDAY_MORNING.plusDays(3));
        String dueAnHourAgo = task("一小时前到期", MONDAY_MORNING.minusHours(1));
        engine.getIdentityService().setAuthentication("tasklistFiltersTestUser", List.of(GROUP, Groups.STAFF));

        assertThat(ids("即将超期")).contains(dueTomorrow).doesNotContain(dueInThreeDays, dueAnHourAgo);
        assertThat(ids("已超期")).contains(dueAnHourAgo).doesNotContain(dueTomorrow, dueInThreeDays);
        assertThat(ids("本科室待办")).contains(dueTomorrow, dueInThreeDays, dueAnHourAgo);

        moveClockTo(MONDAY_MORNING.plusDays(2));
        assertThat(ids("即将超期")).contains(dueInThreeDays).doesNotContain(dueTomorrow);
        assertThat(ids("已超期")).contains(dueTomorrow, dueAnHourAgo);
    }

    private List<String> ids(String filterName) {
        FilterService filters = engine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        return filters.<Task>listPage(filter.getId(), 0, 2000).stream().map(Task::getId).toList();
    }

    private String task(String name, LocalDateTime due) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName(name);
        task.setDueDate(at(due));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), GROUP);
        createdTasks.add(task.getId());
        return task.getId();
    }
}
