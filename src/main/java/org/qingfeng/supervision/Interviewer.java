package org.qingfeng.supervision;

import org.qingfeng.identity.Department;
import org.qingfeng.identity.Groups;

/**
 * Who holds an interview, from the role a routing table names: the department's own supervising leader (分管领导),
 * the main leaders, or discipline inspection. {@code userId} is null when the whole group is offered the task.
 */
public record Interviewer(String group, String userId) {

    public static Interviewer forRole(String role, Department department) {
        return switch (role) {
            case EscalationInterview.Roles.SUPERVISING_LEADER ->
                    new Interviewer(Groups.SUPERVISING_LEADERS, department.supervisingLeaderId());
            case EscalationInterview.Roles.MAIN_LEADER -> new Interviewer(Groups.MAIN_LEADERS, null);
            case EscalationInterview.Roles.DISCIPLINE_INSPECTION -> new Interviewer(Groups.DISCIPLINE_INSPECTION, null);
            default -> throw new IllegalStateException("unknown interviewer role in a routing table: " + role);
        };
    }
}
