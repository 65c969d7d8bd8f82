package org.qingfeng.identity;

/** Camunda group ids of the roles in DESIGN.md; camelCase, as Camunda's default id pattern allows no dashes. */
public final class Groups {

    public static final String WORK_STYLE_OFFICE = "workStyleOffice";
    public static final String DISCIPLINE_INSPECTION = "disciplineInspection";
    public static final String SUPERVISING_LEADERS = "supervisingLeaders";
    public static final String MAIN_LEADERS = "mainLeaders";
    /** 党委: reviews the monthly bulletin and the department sanctions it proposes. */
    public static final String PARTY_COMMITTEE = "partyCommittee";
    public static final String STAFF = "staff";
    /** 流程设计人员: the only ones who deploy processes, decisions and forms. */
    public static final String PROCESS_DESIGNERS = "processDesigners";

    private Groups() {
    }

    public static String department(String departmentId) {
        return "dept" + Character.toUpperCase(departmentId.charAt(0)) + departmentId.substring(1);
    }

    public static String departmentHead(String departmentId) {
        return department(departmentId) + "Head";
    }
}
