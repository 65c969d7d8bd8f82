package org.qingfeng.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which problems the person behind the current request may see in Qingfeng's own API — the same rule the engine's
 * authorizations apply in Tasklist, Cockpit and /engine-rest: the work-style office, discipline inspection,
 * leaders and administrators see every department; anyone else only the departments whose groups they belong to.
 * Code running without a logged-in person (timers, the job executor, start-up) sees everything.
 */
@Component
public class Visibility {

    /** The departments visible to someone; {@code all} means every department, present and future. */
    public record Scope(boolean all, Set<String> departmentIds) {

        public boolean sees(String departmentId) {
            return all || departmentId != null && departmentIds.contains(departmentId);
        }

        /** Refuses (403) a request for another department's data, e.g. {@code ?department=} of another department. */
        public void require(String departmentId) {
            if (!sees(departmentId)) {
                throw new NotVisibleException("只能查看本科室的数据");
            }
        }
    }

    private static final Scope EVERYTHING = new Scope(true, Set.of());

    private final IdentityService identity;
    private final Departments departments;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    public Visibility(IdentityService identity, Departments departments, ProcessEngine engine) {
        this.identity = identity;
        this.departments = departments;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public Scope current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            return EVERYTHING;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        // the engine's administrators (camunda-admin, or the directory's admin group under LDAP) see what it lets them
        if (engineConfiguration.getAdminUsers().contains(authentication.getUserId())
                || groups.stream().anyMatch(g -> engineConfiguration.getAdminGroups().contains(g)
                        || AuthorizationSetup.OVERSEERS.contains(g))) {
            return EVERYTHING;
        }
        Set<String> own = new LinkedHashSet<>();
        for (Department department : departments.all()) {
            if (groups.contains(department.staffGroup()) || groups.contains(department.headGroup())) {
                own.add(department.id());
            }
        }
        return new Scope(false, own);
    }

    /** Refuses (403) bureau-wide overviews to someone who sees only some departments. */
    public void requireAll() {
        if (!current().all()) {
            throw new NotVisibleException("全局统计仅向作风办、纪检监察和局领导开放");
        }
    }

    /** Asked for data of a department the person may not see: HTTP 403. */
    public static class NotVisibleException extends RuntimeException {

        public NotVisibleException(String message) {
            super(message);
        }
    }
}
