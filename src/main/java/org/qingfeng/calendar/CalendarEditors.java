package org.qingfeng.calendar;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change the calendar: members of {@code qingfeng.calendar.maintenance.editor-groups} (by default Camunda's
 * administrators and the work-style office). Everyone logged in may read it.
 */
@Component
public class CalendarEditors {

    /** A user who may read the calendar but not change it. */
    public static class NotAnEditorException extends RuntimeException {
        NotAnEditorException(String message) {
            super(message);
        }
    }

    private final IdentityService identity;
    private final List<String> groups;

    public CalendarEditors(IdentityService identity, CalendarMaintenanceSettings settings) {
        this.identity = identity;
        this.groups = settings.editorGroups();
    }

    /**
     * The user id of the editor acting in this request.
     *
     * @throws NotAnEditorException when the authenticated user is in none of the editor groups
     */
    public String current() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new NotAnEditorException("未登录");
        }
        List<String> own = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (own.stream().noneMatch(groups::contains)) {
            throw new NotAnEditorException("只有系统管理员或作风办可以调整工作日历");
        }
        return auth.getUserId();
    }
}
