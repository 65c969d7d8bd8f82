package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Attacks through the ordinary doors: expressions typed into form fields and query parameters (also inside
 * orQueries), script in report text read back through /api, Java-serialized and unexpected object types as
 * variables, and the headers and cookies that keep a browser from being turned against the user.
 */
class AttackTest extends ProcessTestSupport {

    private static final String EXPRESSION = "${execution.setVariable('pwned', true)}";
    /** The test profile's administrator (admin/admin), who holds every permission: what is refused is refused for all. */
    private static final String ADMIN = "admin";

    @Autowired
    TestRestTemplate rest;

    @Test
    void anExpressionTypedIntoAFormFieldIsStoredAsText() {
        ResponseEntity<Map> started = post("wangfang", "/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "staff", "problemDescription", "窗口态度差 " + EXPRESSION,
                        "place", "#{systemEnvironment}")));

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        assertThat(engine.getRuntimeService().getVariable(instanceId, "problemDescription")).isEqualTo("窗口态度差 " + EXPRESSION);
        assertThat(engine.getRuntimeService().getVariable(instanceId, "place")).isEqualTo("#{systemEnvironment}");
        assertThat(engine.getRuntimeService().getVariable(instanceId, "pwned")).isNull();
    }

    @Test
    void expressionsInTaskQueriesAreRefusedAlsoInsideOrQueries() {
        assertThat(rest.exchange(URI.create(rest.getRootUri() + "/engine-rest/task?maxResults=5&assigneeExpression=%24%7BcurrentUser()%7D"),
                HttpMethod.GET, new HttpEntity<>(headers("wangfang")), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("wangfang", "/engine-rest/task?maxResults=5", Map.of("assigneeExpression", "${currentUser()}"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> orQuery = post("wangfang", "/engine-rest/task?maxResults=5",
                Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${ledger.count() > 0 ? 'a' : 'b'}"))));
        assertThat(orQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) orQuery.getBody().get("message")).contains("不允许使用表达式");
        // the same with the dollar sign escaped in JSON
        assertThat(postRaw("wangfang", "/engine-rest/task/count",
                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{ledger.count()}\"}]}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("wangfang", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "注入",
                "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", "#{currentUser()}"))))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engine.getFilterService().createFilterQuery().filterName("注入").count()).isZero();

        ResponseEntity<Map> ownTasks = post(ADMIN, "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "查询函数",
                "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}",
                        "dueBeforeExpression", "${dateTime().plusDays(2)}")))));
        assertThat(ownTasks.getStatusCode()).as("Camunda's query functions stay usable in filters").isEqualTo(HttpStatus.OK);
        engine.getFilterService().deleteFilter((String) ownTasks.getBody().get("id"));

        ResponseEntity<Map> plain = post("wangfang", "/engine-rest/task/count",
                Map.of("orQueries", List.of(Map.of("assignee", "wangfang", "candidateUser", "wangfang"))));
        assertThat(plain.getStatusCode()).as("an ordinary orQuery still works").isEqualTo(HttpStatus.OK);
    }

    @Test
    void unboundedAndOversizedRestQueriesAreRefused() {
        assertThat(get("wangfang", "/engine-rest/task?maxResults=2001").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("wangfang", "/engine-rest/task?maxResults=2000").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("wangfang", "/engine-rest/history/process-instance").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void scriptInReportTextComesBackAsInertJson() {
        String script = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        ResponseEntity<Map> started = post("wangfang", "/engine-rest/process-definition/key/problemLifecycle/submit-form",
                form(Map.of("channel", "hotline", "reporterType", "staff", "problemDescription", "脚本注入测试 " + script)));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String number = (String) started.getBody().get("businessKey");

        ResponseEntity<String> read = rest.exchange("/api/ledger/problems/" + number, HttpMethod.GET,
                new HttpEntity<>(headers("zhoumin")), String.class);

        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(read.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(read.getBody()).contains("脚本注入测试");
    }

    @Test
    void javaSerializedVariablesAreRefusedAndOnlyAllowedTypesAreDeserialized() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("problemLifecycle",
                Variables.createVariables().putValue("channel", "hotline").putValue("reporterType", "staff")
                        .putValue("problemDescription", "反序列化测试问题"));
        String url = "/engine-rest/process-instance/" + instance.getId() + "/variables/evil";
        ResponseEntity<Map> serialized = exchange(ADMIN, HttpMethod.PUT, url, Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
        assertThat(serialized.getStatusCode()).as(String.valueOf(serialized.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        Object stored = engine.getRuntimeService().getVariableTyped(instance.getId(), "evil", false);
        assertThat(stored).isNull();

        engine.getRuntimeService().setVariable(instance.getId(), "address", Variables.serializedObjectValue("\"http://example.org/\"")
                .serializationDataFormat("application/json").objectTypeName("java.net.URL").create());
        assertThatThrownBy(() -> engine.getRuntimeService().getVariableTyped(instance.getId(), "address", true))
                .hasStackTraceContaining("not whitelisted for deserialization: [java.net.URL]");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void unknownIdsAre404AndBadInputIs400() {
        assertThat(post("zhoumin", "/engine-rest/task/no-such-task/complete", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("zhoumin", "/engine-rest/process-instance/no-such-instance").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("zhoumin", "/engine-rest/task?maxResults=5&sortBy=nonsense&sortOrder=asc").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("zhoumin", "/api/ledger/problems/ZF-1999-000000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void webappLoginSetsAHttpOnlySameSiteSessionAndTheWebappsSendTheirHeaders() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String csp = tasklist.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(tasklist.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));

        WebappSession session = WebappSession.open(rest);
        ResponseEntity<String> login = session.login("zhoumin", DemoOrganisation.PASSWORD);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getHeaders().get(HttpHeaders.SET_COOKIE))
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    /**
     * A forged request (another site making a logged-in browser POST) carries the session cookie but not the token
     * Camunda's CsrfPreventionFilter asks for: refused, and nothing is created.
     */
    @Test
    void webappApiCallsWithoutTheCsrfTokenAreRefused() {
        WebappSession session = WebappSession.open(rest);
        assertThat(session.login("zhoumin", DemoOrganisation.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = "{\"resourceType\":\"Task\",\"name\":\"csrf\",\"query\":{}}";

        ResponseEntity<String> withoutToken = rest.exchange("/camunda/api/engine/engine/default/filter/create", HttpMethod.POST,
                new HttpEntity<>(body, session.headers(false)), String.class);
        assertThat(engine.getFilterService().createFilterQuery().filterName("csrf").count()).isZero();
        assertThat(withoutToken.getStatusCode()).as(withoutToken.getHeaders() + " " + withoutToken.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    }

    @Test
    void thePublicIntakeIsReachableWithoutLoginOrCsrfToken() {
        assertThat(rest.getForEntity("/public/", String.class).getStatusCode().value()).isNotIn(401, 403);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.exchange("/public/api/reports", HttpMethod.POST, new HttpEntity<>("{}", json), String.class)
                .getStatusCode().value()).isNotIn(401, 403);
    }

    private ResponseEntity<Map> post(String user, String url, Object body) {
        return exchange(user, HttpMethod.POST, url, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String url, Object body) {
        return rest.exchange(url, method, new HttpEntity<>(body, headers(user)), Map.class);
    }

    private ResponseEntity<Map> postRaw(String user, String url, String body) {
        return rest.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers(user)), Map.class);
    }

    private ResponseEntity<String> get(String user, String url) {
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(user)), String.class);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, ADMIN.equals(user) ? ADMIN : DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static Map<String, Object> form(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Map.of("variables", variables);
    }
}
