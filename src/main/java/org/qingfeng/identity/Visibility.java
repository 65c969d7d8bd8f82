package org.qingfeng.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
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
    }

    private static final Scope EVERYTHING = new Scope(true, Set.of());

    private final IdentityService identity;
    private final Departments departments;

    public Visibility(IdentityService identity, Departments departments) {
        this.identity = identity;
        this.departments = departments;
    }

    public Scope current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            return EVERYTHING;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.contains(Groups.ADMINISTRATORS) || groups.stream().anyMatch(AuthorizationSetup.OVERSEERS::contains)) {
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

    /** Refuses (403) a request for another department's data, e.g. {@code ?department=} of another department. */
    public void requireVisible(String departmentId) {
        if (!current().sees(departmentId)) {
            throw new NotVisibleException("只能查看本科室的数据");
        }
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
