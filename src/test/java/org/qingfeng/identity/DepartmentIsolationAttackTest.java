package org.qingfeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A department's staff attacking another department's problem through /engine-rest and /api, as Tasklist, Cockpit
 * or a script could: every read comes back empty or 404, every change 403, and nothing changes. The department the
 * problem is routed to, and the work-style office, get through; a reassignment moves the department's read along.
 */
class DepartmentIsolationAttackTest extends ProcessTestSupport {

    private static final String DESIGNER = "authzTestDesigner";
    /** New passwords must pass the password policy; the demo users' password predates it. */
    private static final String DESIGNER_PASSWORD = "Qf-Designer-2026!";

    /** 机关食堂 (canteen): the attacker's department. */
    private static final String ATTACKER = "liuqiang";
    /** 车辆管理科 (vehicles): the victim department. */
    private static final String VICTIM_HEAD = "fengtao";
    private static final String OFFICE = "wangfang";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DepartmentAccess access;

    @Test
    void anotherDepartmentsTaskCannotBeReadClaimedCompletedOrChanged() {
        ProcessInstance victim = registered("vehicles", "车辆管理科派车记录不公开");
        Task task = openTask(victim, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY);
        String taskUrl = "/engine-rest/task/" + task.getId();

        assertThat(get(ATTACKER, taskUrl).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(ATTACKER, "/engine-rest/task?processInstanceId=" + victim.getId()).getBody()).isEqualTo("[]");
        assertThat(get(ATTACKER, taskUrl + "/variables").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(ATTACKER, taskUrl + "/form-variables").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, taskUrl + "/claim", Map.of("userId", ATTACKER)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, taskUrl + "/assignee", Map.of("userId", ATTACKER)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, taskUrl + "/complete", form(Map.of("claimDecision", "accept"))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, taskUrl + "/submit-form", form(Map.of("claimDecision", "accept"))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(ATTACKER, HttpMethod.PUT, taskUrl + "/variables/claimDecision", Map.of("value", "accept"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, taskUrl + "/variables", Map.of("modifications", Map.of("claimDecision", Map.of("value", "accept"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(ATTACKER, HttpMethod.PUT, "/engine-rest/process-instance/" + victim.getId() + "/variables/departmentGroup",
                Map.of("value", "deptCanteen")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // nothing changed: same task, nobody assigned, no variable written, still waiting for the claim
        Task after = openTask(victim, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY);
        assertThat(after.getId()).isEqualTo(task.getId());
        assertThat(after.getAssignee()).isNull();
        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "claimDecision")).isNull();
        assertThat(engine.getRuntimeService().getVariable(victim.getId(), "claimDecision")).isNull();
        assertThat(engine.getRuntimeService().getVariable(victim.getId(), "departmentGroup")).isEqualTo("deptVehicles");

        // the department it is routed to works on it
        assertThat(get(VICTIM_HEAD, taskUrl).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(VICTIM_HEAD, taskUrl + "/claim", Map.of("userId", VICTIM_HEAD)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // but may not hand it to someone else, nor change its data outside completing it
        assertThat(post(VICTIM_HEAD, taskUrl + "/assignee", Map.of("userId", ATTACKER)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(VICTIM_HEAD);
    }

    @Test
    void anotherDepartmentsInstanceHistoryAndLedgerEntryStayHidden() {
        ProcessInstance victim = registered("vehicles", "车辆管理科加油卡管理混乱");
        String number = victim.getBusinessKey();
        String instanceUrl = "/engine-rest/process-instance/" + victim.getId();

        assertThat(get(ATTACKER, instanceUrl).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(ATTACKER, instanceUrl + "/variables").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(ATTACKER, "/engine-rest/process-instance?businessKey=" + number).getBody()).isEqualTo("[]");
        assertThat(get(ATTACKER, "/engine-rest/history/process-instance/" + victim.getId()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(ATTACKER, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number).getBody())
                .isEqualTo("[]");
        assertThat(get(ATTACKER, "/engine-rest/history/task?processInstanceId=" + victim.getId()).getBody()).isEqualTo("[]");
        assertThat(get(ATTACKER, "/engine-rest/history/activity-instance?processInstanceId=" + victim.getId()).getBody())
                .isEqualTo("[]");
        assertThat(get(ATTACKER, "/engine-rest/history/variable-instance?processInstanceId=" + victim.getId()).getBody())
                .isEqualTo("[]");

        ResponseEntity<String> detail = get(ATTACKER, "/api/ledger/problems/" + number);
        assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(detail.getBody()).doesNotContain("加油卡");
        assertThat(get(ATTACKER, "/api/ledger/problems?size=200").getBody()).doesNotContain(number).doesNotContain("\"vehicles\"");
        assertThat(get(ATTACKER, "/api/ledger/problems?department=vehicles").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(ATTACKER, "/api/ledger/problems.csv").getBody()).doesNotContain(number).doesNotContain("车辆管理科");
        assertThat(get(ATTACKER, "/api/ledger/rates?month=2024-01").getBody()).doesNotContain("vehicles");
        assertThat(get(ATTACKER, "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(ATTACKER, "/api/supervision/watch-list").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(ATTACKER, "/api/special-supervisions").getBody()).doesNotContain("vehicles");
        assertThat(get(ATTACKER, "/api/integrity-letters").getBody()).doesNotContain("vehicles");

        // the department it is routed to, and the office, see it
        assertThat(get(VICTIM_HEAD, instanceUrl).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(VICTIM_HEAD, "/engine-rest/history/process-instance/" + victim.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(VICTIM_HEAD, "/api/ledger/problems/" + number).getBody()).contains("加油卡");
        assertThat(get(VICTIM_HEAD, "/api/ledger/problems?size=200").getBody()).contains(number);
        assertThat(get(OFFICE, "/api/ledger/problems/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(OFFICE, instanceUrl).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(OFFICE, "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("zhangwei", "/engine-rest/history/process-instance/" + victim.getId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void reassignmentMovesTheDepartmentsReadToTheNewDepartment() {
        ProcessInstance instance = registered("vehicles", "车辆管理科接待来访人员态度冷淡");
        assertThat(get(VICTIM_HEAD, "/engine-rest/process-instance/" + instance.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
        complete(instance, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY, VICTIM_HEAD,
                Map.of("claimDecision", "return", "returnReason", "来访接待室属办公用房科管理"));
        complete(instance, ProblemLifecycle.Elements.REVIEW_RETURN, OFFICE, Map.of("returnReviewDecision", "reassign",
                "responsibleDepartment", "officeSpace", "returnReviewComment", "改派办公用房科"));

        assertThat(access.mayRead(instance.getId(), "deptVehicles")).isFalse();
        assertThat(access.mayRead(instance.getId(), "deptVehiclesHead")).isFalse();
        assertThat(access.mayRead(instance.getId(), "deptOfficeSpaceHead")).isTrue();
        assertThat(get(VICTIM_HEAD, "/engine-rest/process-instance/" + instance.getId()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(VICTIM_HEAD, "/api/ledger/problems/" + instance.getBusinessKey()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("mabin", "/engine-rest/process-instance/" + instance.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("mabin", "/api/ledger/problems/" + instance.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void departmentStaffCannotDeployGrantManageIdentitiesOrStartOtherProcesses() {
        assertThat(deploy(ATTACKER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy(OFFICE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> authorizations = get(ATTACKER, "/engine-rest/authorization");
        assertThat(authorizations.getStatusCode() == HttpStatus.FORBIDDEN || "[]".equals(authorizations.getBody()))
                .as(authorizations.getBody()).isTrue();
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        assertThat(post(ATTACKER, "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
                "userId", ATTACKER, "resourceType", Resources.PROCESS_INSTANCE.resourceType(), "resourceId", "*"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);

        // the directory: nobody but oneself, no group but one's own, nothing created
        assertThat(get(ATTACKER, "/engine-rest/user").getBody()).contains(ATTACKER).doesNotContain(VICTIM_HEAD)
                .doesNotContain(OFFICE);
        assertThat(get(ATTACKER, "/engine-rest/group").getBody()).doesNotContain("deptVehicles")
                .doesNotContain(Groups.WORK_STYLE_OFFICE);
        assertThat(post(ATTACKER, "/engine-rest/user/create", Map.of("profile", Map.of("id", "mole", "firstName", "m",
                "lastName", "m", "email", "m@example.org"), "credentials", Map.of("password", "Xq7!zRt#9pLw")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, "/engine-rest/group/create", Map.of("id", "moles", "name", "m", "type", "WORKFLOW"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(ATTACKER, HttpMethod.PUT, "/engine-rest/group/" + Groups.WORK_STYLE_OFFICE + "/members/" + ATTACKER,
                null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getIdentityService().createUserQuery().userId("mole").count()).isZero();
        assertThat(engine.getIdentityService().createGroupQuery().groupId("moles").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.WORK_STYLE_OFFICE).userId(ATTACKER)
                .count()).isZero();

        // processes started by hand only by the roles that start them
        long letters = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("integrityReminder").count();
        assertThat(post(ATTACKER, "/engine-rest/process-definition/key/integrityReminder/start", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, "/engine-rest/process-definition/key/halfYearRevisit/start", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, "/engine-rest/process-definition/key/specialSupervision/start", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(ATTACKER, "/engine-rest/process-definition/key/monthlyLedgerReview/start", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("integrityReminder").count())
                .isEqualTo(letters);
    }

    @Test
    void onlyProcessDesignersDeploy() throws Exception {
        String designer = DESIGNER;
        if (engine.getIdentityService().createUserQuery().userId(designer).count() == 0) {
            var user = engine.getIdentityService().newUser(designer);
            user.setPassword(DESIGNER_PASSWORD);
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership(designer, Groups.PROCESS_DESIGNERS);
        }
        ResponseEntity<String> deployed = deploy(designer);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(deployed.getBody()).get("id").asText();
        assertThat(exchange(designer, HttpMethod.DELETE, "/engine-rest/deployment/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // -- steps ---------------------------------------------------------------------------------------------------

    /**
     * Reported and registered in a month before every other test's windows, and due after every month another test
     * reviews, so the problems count in no other test's figures.
     */
    private ProcessInstance registered(String department, String description) {
        moveClockTo(LocalDateTime.of(2024, 1, 8, 9, 0));
        ProcessInstance instance = report("public", description);
        complete(instance, ProblemLifecycle.Elements.REGISTER_PROBLEM, OFFICE, Variables.createVariables()
                .putValue("registrationDecision", "accept").putValue("category", "attitude").putValue("severity", "general")
                .putValue("responsibleDepartment", department).putValue("responsiblePerson", "科室负责人")
                // due long after every month another test reviews
                .putValue(ProblemLifecycle.Variables.DEADLINE_OVERRIDE, "2041-12-31"));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    private ResponseEntity<String> deploy(String user) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  targetNamespace="http://qingfeng.org/test">
                  <process id="authzTestProcess" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
                  </process>
                </definitions>
                """;
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "authz-test");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "authz-test.bpmn";
            }
        });
        HttpHeaders headers = headers(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }

    /** A GET as {@code user}; engine list queries ask for a page, as the REST API requires. */
    private ResponseEntity<String> get(String user, String url) {
        boolean engineList = url.startsWith("/engine-rest/") && !url.matches(".*/[0-9a-f-]{36}(/.*)?(\\?.*)?$")
                && !url.contains("maxResults");
        return exchange(user, HttpMethod.GET, engineList ? url + (url.contains("?") ? "&" : "?") + "maxResults=100" : url, null);
    }

    private ResponseEntity<String> post(String user, String url, Object body) {
        return exchange(user, HttpMethod.POST, url, body);
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String url, Object body) {
        return rest.exchange(url, method, new HttpEntity<>(body, headers(user)), String.class);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user.equals(DESIGNER) ? DESIGNER_PASSWORD : DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static Map<String, Object> form(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Map.of("variables", variables);
    }
}
