package org.qingfeng;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The booted application, walked through the engine REST API the way Tasklist drives it (submit-form), each step
 * by the demo user whose job it is.
 */
class RestWalkthroughTest extends ProcessTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;

    @Test
    void demoUsersCarryAProblemFromReportToClosure() {
        ResponseEntity<Map> started = as("wangfang").postForEntity("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "public", "problemDescription", "食堂售卖窗口不公示价格")), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = (String) started.getBody().get("businessKey");
        assertThat(number).matches("ZF-\\d{4}-\\d{6}");

        submit("wangfang", number, "registerProblemUserTask", Map.of("registrationDecision", "accept", "category", "serviceQuality",
                "severity", "general", "responsibleDepartment", "canteen", "responsiblePerson", "刘强"));
        assertThat(tasksOf("huangli", number)).isEmpty();
        assertThat(tasksOf("liuqiang", number)).extracting(t -> t.get("name")).containsExactly("签收认领问题");
        submit("liuqiang", number, "claimResponsibilityUserTask", Map.of("claimDecision", "accept"));
        submit("huangli", number, "planRectificationUserTask", Map.of("rectificationPlan", "所有窗口张贴价目表，每日更新"));
        submit("huangli", number, "implementRectificationUserTask", Map.of("progressAction", "completed", "progressReport", "价目表已张贴"));
        submit("wangfang", number, "verifyRectificationUserTask", Map.of("verificationDecision", "pass", "verificationFindings", "现场查看属实"));
        submit("zhoumin", number, "evaluateSatisfactionUserTask", Map.of("internalSatisfaction", 96, "recipientSatisfaction", 90,
                "evaluationNote", "问卷50份"));
        submit("zhoumin", number, "closeProblemUserTask", Map.of("officialReply", "您反映的问题已整改，窗口已公示价格，感谢监督。"));

        ProblemRecord closed = ledger.findByNumber(number).orElseThrow();
        assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(closed.stage()).isEqualTo(Stage.AWAITING_REVISIT);
        assertThat(ledger.events(closed.id())).extracting(ProblemLedger.Event::actor)
                .contains("wangfang", "liuqiang", "huangli", "zhoumin");
    }

    @Test
    void incompleteFormIsRefusedWith400AndTheTaskStaysOpen() {
        ResponseEntity<Map> started = as("wangfang").postForEntity("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "staff", "problemDescription", "会议通知临时变更不告知")), Map.class);
        String number = (String) started.getBody().get("businessKey");
        String taskId = taskId("wangfang", number, "registerProblemUserTask");

        ResponseEntity<Map> refused = as("wangfang").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                form(Map.of("registrationDecision", "accept", "category", "attitude")), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("「严重程度」为必填项").contains("「责任科室」为必填项");
        assertThat(taskId("wangfang", number, "registerProblemUserTask")).isEqualTo(taskId);
    }

    @Test
    void theRegisterFormGetsItsChoicesAsJsonWhenTasklistOpensIt() throws Exception {
        ResponseEntity<Map> original = as("wangfang").postForEntity("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "public", "departmentHint", "canteen",
                        "problemDescription", "机关食堂午餐窗口的师傅打菜时手抖，分量明显不足")), Map.class);
        String originalNumber = (String) original.getBody().get("businessKey");
        ResponseEntity<Map> started = as("wangfang").postForEntity("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "public", "departmentHint", "canteen",
                        "problemDescription", "机关食堂午餐窗口打菜的师傅手抖，给的分量明显不足")), Map.class);
        String number = (String) started.getBody().get("businessKey");
        String taskId = taskId("wangfang", number, "registerProblemUserTask");

        ResponseEntity<Map<String, Object>> formRef = as("wangfang").exchange("/engine-rest/task/{id}/form", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { }, taskId);
        assertThat(formRef.getBody().get("camundaFormRef")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("key", "register-problem");

        ResponseEntity<Map<String, Map<String, Object>>> variables = as("wangfang").exchange("/engine-rest/task/{id}/form-variables",
                HttpMethod.GET, null, new ParameterizedTypeReference<>() { }, taskId);
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> duplicates = variables.getBody().get("duplicateCandidates");
        assertThat(duplicates).containsEntry("type", "Json");
        // Tasklist JSON.parses a Json value's text for form-js
        List<Map<String, Object>> offered = new ObjectMapper().readValue(
                (String) duplicates.get("value"), new TypeReference<>() { });
        assertThat(offered).extracting(c -> c.get("value")).contains(originalNumber);
        assertThat(offered.get(0)).containsKeys("label", "value", "number", "excerpt", "department", "stage", "score");
        assertThat(variables.getBody().get("departmentOptions")).containsEntry("type", "Json");
        assertThat((String) variables.getBody().get("departmentOptions").get("value")).contains("\"value\":\"canteen\"");
        assertThat(variables.getBody().get("problemDescription")).containsEntry("value", "机关食堂午餐窗口打菜的师傅手抖，给的分量明显不足");

        submit("wangfang", number, "registerProblemUserTask", Map.of("registrationDecision", "merge", "mergeTarget", originalNumber));
        assertThat(ledger.findByNumber(number).orElseThrow().status()).isEqualTo(ProblemStatus.MERGED);
    }

    @Test
    void badStartFormIsRefusedWith400AndLeavesNoProblem() {
        long before = ledger.count();
        ResponseEntity<Map> refused = as("wangfang").postForEntity("/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "carrierPigeon", "reporterType", "public", "problemDescription", "无")), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("carrierPigeon").contains("至少需要5个字");
        assertThat(ledger.count()).isEqualTo(before);
    }

    @Test
    void engineRestNeedsCredentials() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a user no other test logs in as: a wrong password delays that user's next logins
        assertThat(rest.withBasicAuth("linna", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminSetupCannotCreateAnAdministrator() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> intruder = Map.of("profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y", "email", "x@y.z"),
                "credentials", Map.of("password", "intruder-password"));

        ResponseEntity<String> answer = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
                new HttpEntity<>(intruder, headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).contains("initial setup is closed");
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    }

    /** Credentials sent with every request, as Tasklist's clients do, rather than after a challenge. */
    private User as(String user) {
        return new User(user);
    }

    private final class User {
        private final HttpHeaders headers = new HttpHeaders();

        User(String id) {
            headers.setBasicAuth(id, DemoOrganisation.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
            headers.setContentType(MediaType.APPLICATION_JSON);
        }

        <T> ResponseEntity<T> postForEntity(String url, Object body, Class<T> type) {
            return rest.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), type);
        }

        <T> ResponseEntity<T> exchange(String url, HttpMethod method, Object body, ParameterizedTypeReference<T> type,
                Object... uriVariables) {
            return rest.exchange(url, method, new HttpEntity<>(body, headers), type, uriVariables);
        }
    }

    private static Map<String, Object> form(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Map.of("variables", variables);
    }

    private List<Map<String, Object>> tasksOf(String user, String number) {
        return as(user).exchange("/engine-rest/task?candidateUser={u}&includeAssignedTasks=true&processInstanceBusinessKey={n}&maxResults=100",
                HttpMethod.GET, null, LIST, user, number).getBody();
    }

    private String taskId(String user, String number, String taskKey) {
        return tasksOf(user, number).stream().filter(t -> taskKey.equals(t.get("taskDefinitionKey")))
                .map(t -> (String) t.get("id")).findFirst().orElseThrow(() -> new AssertionError(user + " has no " + taskKey));
    }

    private void submit(String user, String number, String taskKey, Map<String, Object> values) {
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/" + taskId(user, number, taskKey) + "/submit-form",
                form(values), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
