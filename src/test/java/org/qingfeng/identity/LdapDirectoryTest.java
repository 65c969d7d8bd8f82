package org.qingfeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profile {@code ldap} against an in-process directory (test/resources/ldap/organisation.ldif): logins, group
 * membership of department people, task visibility by candidate group, and /engine-rest with an LDAP user. A context
 * of its own, on a database of its own, with an engine named {@code ldap} beside the suite's default one (so REST
 * calls name it: /engine-rest/engine/ldap/...).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:qingfeng-ldap;DB_CLOSE_DELAY=-1;MODE=LEGACY;LOCK_TIMEOUT=10000",
        "camunda.bpm.process-engine-name=ldap"})
@ActiveProfiles({"test", "ldap"})
class LdapDirectoryTest {

    private static final String BASE = "dc=qingfeng,dc=gov";
    private static InMemoryDirectoryServer directory;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=manager," + BASE, "manager-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, new ClassPathResource("ldap/organisation.ldif").getFile());
        directory.startListening();
        registry.add("qingfeng.ldap.server-url", () -> "ldap://127.0.0.1:" + directory.getListenPort() + "/");
        registry.add("qingfeng.ldap.manager-dn", () -> "cn=manager," + BASE);
        registry.add("qingfeng.ldap.manager-password", () -> "manager-secret");
        registry.add("qingfeng.ldap.admin-user", () -> "xuyang");
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Autowired
    private ProcessEngine engine;
    @Autowired
    private TestRestTemplate rest;

    @Test
    void theDirectoryIsTheEnginesIdentityProvider() {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdentityProviderSessionFactory())
                .isInstanceOf(LdapIdentityProviderFactory.class);
        // the demo organisation is off: its users are not there, only the directory's
        assertThat(identity.createUserQuery().userId("zhoumin").count()).isZero();
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
                .containsExactlyInAnyOrder("liuqiang", "huangli", "wangfang", "xuyang");
    }

    @Test
    void peopleLogInWithTheirDirectoryPassword() {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.checkPassword("liuqiang", "canteen-head")).isTrue();
        assertThat(identity.checkPassword("liuqiang", "qingfeng")).isFalse();
        assertThat(identity.checkPassword("nobody", "canteen-head")).isFalse();
        assertThat(identity.createUserQuery().userId("liuqiang").singleResult().getFirstName()).isEqualTo("强");
    }

    @Test
    void departmentPeopleAreInTheirDepartmentsGroups() {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.createGroupQuery().groupMember("liuqiang").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Groups.department("canteen"), Groups.departmentHead("canteen"), Groups.STAFF);
        assertThat(identity.createGroupQuery().groupMember("huangli").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Groups.department("canteen"), Groups.STAFF);
        assertThat(identity.createGroupQuery().groupId(Groups.WORK_STYLE_OFFICE).singleResult().getName()).isEqualTo("作风办");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.departmentHead("canteen")).list())
                .extracting(u -> u.getId()).containsExactly("liuqiang");
    }

    @Test
    void aTaskForTheDepartmentHeadsIsSeenByTheHeadAndOverRestWithHisDirectoryPassword() {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName("签收认领问题");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Groups.departmentHead("canteen"));
        try {
            assertThat(tasks.createTaskQuery().taskCandidateUser("liuqiang").list()).extracting(Task::getId).contains(task.getId());
            assertThat(tasks.createTaskQuery().taskCandidateUser("huangli").list()).extracting(Task::getId)
                    .doesNotContain(task.getId());

            // what Tasklist asks: the tasks he may read (a candidateUser query would need to list his directory groups)
            ResponseEntity<List<Map<String, Object>>> seen = rest.exchange(
                    "/engine-rest/engine/ldap/task?maxResults=100", HttpMethod.GET, basic("liuqiang", "canteen-head"),
                    new ParameterizedTypeReference<>() {
                    });
            assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(seen.getBody()).extracting(t -> t.get("id")).contains(task.getId());
            assertThat(rest.exchange("/engine-rest/engine/ldap/task", HttpMethod.GET, basic("liuqiang", "qingfeng"), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }

    private static HttpEntity<Void> basic(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        return new HttpEntity<>(headers);
    }
}
