package org.qingfeng.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo 机关服务局: departments with heads and staff, supervising leaders, the work-style office and
 * discipline inspection. Only on the embedded default (qingfeng.demo.enabled); production has no demo users.
 * Every demo user's password is {@link #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = "qingfeng.demo.enabled", havingValue = "true")
public class DemoOrganisation {

    public static final String PASSWORD = "qingfeng";

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    record Person(String id, String name, List<String> groups) {
    }

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("conference", "会务中心", "chenjing", "sunli"),
            new Department("canteen", "机关食堂", "liuqiang", "sunli"),
            new Department("procurement", "物资采购科", "wujie", "sunli"),
            new Department("vehicles", "车辆管理科", "fengtao", "qianjun"),
            new Department("maintenance", "设施维修科", "xulei", "qianjun"),
            new Department("officeSpace", "办公用房科", "mabin", "qianjun"),
            new Department("security", "安全保卫科", "guoqiang", "qianjun"));

    static final List<Person> PEOPLE = List.of(
            new Person("zhoumin", "周敏", List.of(Groups.WORK_STYLE_OFFICE)),
            new Person("wangfang", "王芳", List.of(Groups.WORK_STYLE_OFFICE)),
            new Person("zhaogang", "赵刚", List.of(Groups.DISCIPLINE_INSPECTION)),
            new Person("zhangwei", "张伟", List.of(Groups.PARTY_COMMITTEE, Groups.MAIN_LEADERS)),
            new Person("lihua", "李华", List.of(Groups.MAIN_LEADERS, Groups.PARTY_COMMITTEE)),
            new Person("sunli", "孙立", List.of(Groups.SUPERVISING_LEADERS)),
            new Person("qianjun", "钱军", List.of(Groups.SUPERVISING_LEADERS)),
            head("chenjing", "陈静", "conference"), staff("yangfan", "杨帆", "conference"),
            head("liuqiang", "刘强", "canteen"), staff("huangli", "黄丽", "canteen"),
            head("wujie", "吴杰", "procurement"), staff("zhengyu", "郑宇", "procurement"),
            head("fengtao", "冯涛", "vehicles"), staff("heyun", "何云", "vehicles"),
            head("xulei", "徐磊", "maintenance"), staff("zhuhong", "朱红", "maintenance"),
            head("mabin", "马斌", "officeSpace"), staff("hujing", "胡静", "officeSpace"),
            head("guoqiang", "郭强", "security"), staff("linna", "林娜", "security"));

    private static final List<String[]> GROUPS = List.of(
            new String[] {Groups.WORK_STYLE_OFFICE, "作风办"},
            new String[] {Groups.DISCIPLINE_INSPECTION, "纪检监察"},
            new String[] {Groups.SUPERVISING_LEADERS, "分管领导"},
            new String[] {Groups.MAIN_LEADERS, "主要领导"},
            new String[] {Groups.PARTY_COMMITTEE, "党委"},
            new String[] {Groups.STAFF, "全体干部职工"},
            new String[] {Groups.PROCESS_DESIGNERS, "流程设计人员"});

    private final IdentityService identity;
    private final Departments departments;

    public DemoOrganisation(IdentityService identity, Departments departments) {
        this.identity = identity;
        this.departments = departments;
        create();
    }

    /**
     * Demo data is made by the demo people, with their groups, as after a login to Tasklist: with authorization on,
     * a user id alone may do nothing its groups may.
     */
    public static void actAs(IdentityService identity, String user) {
        identity.clearAuthentication();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    private static Person head(String id, String name, String department) {
        return new Person(id, name, List.of(Groups.department(department), Groups.departmentHead(department)));
    }

    private static Person staff(String id, String name, String department) {
        return new Person(id, name, List.of(Groups.department(department)));
    }

    /** Idempotent: what exists already is left as it is, so a restart keeps changes made in Admin. */
    private void create() {
        for (String[] g : GROUPS) {
            group(g[0], g[1]);
        }
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            Department d = DEPARTMENTS.get(i);
            group(d.staffGroup(), d.name());
            group(d.headGroup(), d.name() + "负责人");
            departments.save(d, i + 1);
        }
        for (Person p : PEOPLE) {
            if (identity.createUserQuery().userId(p.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(p.id());
            user.setFirstName(p.name().substring(1));
            user.setLastName(p.name().substring(0, 1));
            user.setEmail(p.id() + "@example.org");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(p.id(), Groups.STAFF);
            p.groups().forEach(g -> identity.createMembership(p.id(), g));
        }
        LOG.info("demo organisation ready departments={} users={}", DEPARTMENTS.size(), PEOPLE.size());
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
