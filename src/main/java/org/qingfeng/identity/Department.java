package org.qingfeng.identity;

/** A responsible department (科室) with its head and its supervising leader (分管领导). */
public record Department(String id, String name, String headUserId, String supervisingLeaderId) {

    /** Candidate group of the department's staff. */
    public String staffGroup() {
        return Groups.department(id);
    }

    /** Candidate group of the department's head(s), who claim problems. */
    public String headGroup() {
        return Groups.departmentHead(id);
    }
}
