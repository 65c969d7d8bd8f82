package org.qingfeng.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.qingfeng.engine.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * A department reads the process instances (and their history) of the problems, letters and orders routed to it,
 * and no others. Called by the delegate that routes the work, so the grant commits or rolls back with the routing;
 * routing elsewhere (a return, a change of the responsible department) takes the former department's read away.
 * Tasks need nothing here: the engine authorizes a task's candidate groups itself.
 */
@Component
public class DepartmentAccess {

    private static final List<Resource> INSTANCE_RESOURCES =
            List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE);

    private final AuthorizationService authorizations;
    private final Departments departments;
    private final WithoutAuthorization withoutAuthorization;

    public DepartmentAccess(AuthorizationService authorizations, Departments departments,
            WithoutAuthorization withoutAuthorization) {
        this.authorizations = authorizations;
        this.departments = departments;
        this.withoutAuthorization = withoutAuthorization;
    }

    /** The department (its staff and head groups) is now the one that works on the process instance. */
    public void routeTo(String processInstanceId, Department department) {
        Set<String> departmentGroups = new HashSet<>();
        for (Department d : departments.all()) {
            departmentGroups.add(d.staffGroup());
            departmentGroups.add(d.headGroup());
        }
        Set<String> current = Set.of(department.staffGroup(), department.headGroup());
        withoutAuthorization.run(() -> {
            for (Resource resource : INSTANCE_RESOURCES) {
                for (Authorization existing : authorizations.createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                        .resourceId(processInstanceId).list()) {
                    String group = existing.getGroupId();
                    if (group != null && departmentGroups.contains(group) && !current.contains(group)) {
                        authorizations.deleteAuthorization(existing.getId());
                    }
                }
                for (String group : current) {
                    grantRead(resource, processInstanceId, group);
                }
            }
        });
    }

    /** Whether the groups may read the process instance through a department grant (for tests and checks). */
    public boolean mayRead(String processInstanceId, String group) {
        return withoutAuthorization.call(() -> authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).groupIdIn(group).count() > 0);
    }

    private void grantRead(Resource resource, String processInstanceId, String group) {
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(processInstanceId).groupIdIn(group).count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(processInstanceId);
        authorization.addPermission(resource == Resources.PROCESS_INSTANCE
                ? Permissions.READ : HistoricProcessInstancePermissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
