package org.qingfeng.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.qingfeng.rectification.ProblemLifecycle;
import org.qingfeng.supervision.HalfYearRevisit;
import org.qingfeng.supervision.IntegrityReminder;
import org.qingfeng.supervision.MonthlyReview;
import org.qingfeng.supervision.SpecialSupervision;
import org.qingfeng.supervision.SpecialSupervisionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The standing authorizations of Qingfeng's roles, granted at every start so a fresh installation works without
 * anyone clicking through Admin. Granting only adds: a permission an administrator added in Admin stays, and one
 * granted here and taken away there comes back at the next start (the model lives here, not in Admin).
 *
 * <p>What a department sees is not granted here. The engine gives a task's candidate groups and assignee
 * {@code READ} and {@code TASK_WORK} on that task (and read on its history), and {@link DepartmentAccess} gives the
 * responsible department read on the process instance and its history when the problem is routed to it.
 */
@Component
public class AuthorizationSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

    /** The roles that see every problem: read everything in Cockpit and through the REST API. */
    static final List<String> OVERSEERS = List.of(Groups.WORK_STYLE_OFFICE, Groups.DISCIPLINE_INSPECTION,
            Groups.MAIN_LEADERS, Groups.PARTY_COMMITTEE, Groups.SUPERVISING_LEADERS);

    private final AuthorizationService authorizations;
    private int granted;

    public AuthorizationSetup(AuthorizationService authorizations, Departments departments,
            SpecialSupervisionSettings specialSupervision, ObjectProvider<DemoOrganisation> demo, TaskService tasks) {
        this.authorizations = authorizations;
        demo.ifAvailable(organisation -> LOG.debug("after the demo organisation and its departments"));

        Set<String> everyone = new LinkedHashSet<>();
        everyone.add(Groups.STAFF);
        everyone.addAll(OVERSEERS);
        for (Department department : departments.all()) {
            everyone.add(department.staffGroup());
            everyone.add(department.headGroup());
        }
        for (String group : everyone) {
            staff(group);
        }
        for (String group : OVERSEERS) {
            overseer(group);
        }
        designer(Groups.PROCESS_DESIGNERS);
        start(Groups.WORK_STYLE_OFFICE, HalfYearRevisit.PROCESS_KEY);
        start(Groups.WORK_STYLE_OFFICE, MonthlyReview.PROCESS_KEY);
        start(Groups.DISCIPLINE_INSPECTION, IntegrityReminder.PROCESS_KEY);
        for (String group : specialSupervision.ordererGroups()) {
            start(group, SpecialSupervision.PROCESS_KEY);
        }
        int backfilled = backfillOpenTasks(tasks);
        LOG.info("authorizations ready groups={} added={} tasks backfilled={}", everyone.size() + 1, granted, backfilled);
    }

    /**
     * Tasks created while authorization was off carry no task authorizations, and their candidates would no longer
     * see them: give them what the engine gives a new task's candidates and assignee.
     */
    int backfillOpenTasks(TaskService tasks) {
        int count = 0;
        for (Task task : tasks.createTaskQuery().list()) {
            if (authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).count() > 0) {
                continue;
            }
            Set<String> users = new LinkedHashSet<>();
            Set<String> groups = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
            }
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
            for (String group : groups) {
                grantTask(group, null, task.getId());
            }
            for (String user : users) {
                grantTask(null, user, task.getId());
            }
            count++;
        }
        return count;
    }

    private void grantTask(String group, String user, String taskId) {
        for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setUserId(user);
            authorization.setResource(resource);
            authorization.setResourceId(taskId);
            if (resource == Resources.TASK) {
                authorization.addPermission(Permissions.READ);
                authorization.addPermission(TaskPermissions.TASK_WORK);
            } else {
                authorization.addPermission(HistoricTaskPermissions.READ);
            }
            try {
                authorizations.saveAuthorization(authorization);
            } catch (ProcessEngineException grantedMeanwhile) {
                LOG.debug("task authorization granted meanwhile task={}", taskId);
            }
        }
    }

    /**
     * Everybody: Tasklist and its filters, reading definitions (names, forms) and reporting a problem. A filter is
     * only a query: reading one shows no task the reader could not see anyway, so all of them are readable.
     */
    private void staff(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.FILTER, ANY, Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(group, Resources.PROCESS_DEFINITION, ProblemLifecycle.PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }

    /** Office, inspection and leaders: everything readable, in Cockpit too; no changes beyond their own tasks. */
    private void overseer(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(group, Resources.TASK, ANY, Permissions.READ);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }

    /** 流程设计人员: the only ones (besides administrators) who deploy, or change definitions. */
    private void designer(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE, Permissions.DELETE);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    }

    /** Starting a process by hand in Tasklist: the definition's CREATE_INSTANCE (CREATE on instances comes with staff). */
    private void start(String group, String processKey) {
        grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .singleResult();
        boolean changed = false;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            try {
                authorizations.saveAuthorization(authorization);
                granted++;
            } catch (ProcessEngineException grantedMeanwhile) {
                // another node of the cluster starting at the same moment; its grant is the same as ours
                LOG.debug("authorization granted meanwhile group={} resource={}", group, resourceId);
            }
        }
    }
}
