package org.qingfeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Turning authorization on over an existing database: open tasks keep their candidates. */
class AuthorizationSetupTest extends ProcessTestSupport {

    @Autowired
    AuthorizationSetup setup;

    @Test
    void tasksCreatedWhileAuthorizationWasOffAreGivenToTheirCandidates() {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName("授权开启前的任务");
        engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
        try {
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), "deptProcurement");
        } finally {
            engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
        }
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).count()).isZero();

        setup.backfillOpenTasks(tasks);
        setup.backfillOpenTasks(tasks);

        engine.getIdentityService().setAuthentication("zhengyu", List.of("deptProcurement"));
        try {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
            tasks.claim(task.getId(), "zhengyu");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getIdentityService().setAuthentication("heyun", List.of("deptVehicles"));
        try {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        tasks.deleteTask(task.getId(), true);
    }
}
