package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * 200 people press 完成 on the same task at the same moment: exactly one wins (204), every other one is told 409 —
 * either the engine saw the concurrent change (OptimisticLockingException) or the task was already gone and is in
 * the history as completed — never 500, and the process moves on once. Through /engine-rest and through the API
 * Tasklist itself calls (/camunda/api/engine/…, with a logged-in session and its CSRF token), there for 完成 and for
 * submitting the task's form. On H2 and, with -Ppostgres, on PostgreSQL.
 */
class ConcurrentCompletionTest extends ProcessTestSupport {

    private static final int CALLERS = 200;
    private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/default";
    private static final String NO_VARIABLES = "{\"variables\":{}}";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    private Deployment deployment;
    private HttpClient client;

    @BeforeEach
    void deployProbe() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("concurrentCompletionProbe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("firstTask").userTask("secondTask").userTask("thirdTask").endEvent().done();
        deployment = engine.getRepositoryService().createDeployment().addModelInstance("concurrent-completion-probe.bpmn", model)
                .deploy();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).executor(Executors.newFixedThreadPool(16)).build();
    }

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void concurrentCompletionsOfOneTaskLetExactlyOneWin() throws Exception {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("concurrentCompletionProbe");
        String taskId = openTaskId(instance, "firstTask");
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpRequest complete = HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertExactlyOneWins(complete);
        assertMovedOnOnce(instance, "firstTask", "secondTask");
    }

    @Test
    void concurrentCompletionsThroughTasklistsOwnApiLetExactlyOneWin() throws Exception {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("concurrentCompletionProbe");
        HttpRequest.Builder asAdmin = loggedIn("admin", "admin");

        assertExactlyOneWins(post(asAdmin, "/task/" + openTaskId(instance, "firstTask") + "/complete", NO_VARIABLES));
        assertMovedOnOnce(instance, "firstTask", "secondTask");

        assertExactlyOneWins(post(asAdmin, "/task/" + openTaskId(instance, "secondTask") + "/submit-form", NO_VARIABLES));
        assertMovedOnOnce(instance, "secondTask", "thirdTask");
    }

    /** The other failures of Tasklist's API answer as /engine-rest does: unknown id 404, no rights 403, bad input 400. */
    @Test
    void tasklistsOwnApiTellsUnknownTasksMissingRightsAndBadInputApart() throws Exception {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("concurrentCompletionProbe");
        String taskId = openTaskId(instance, "firstTask");
        HttpRequest.Builder asAdmin = loggedIn("admin", "admin");

        HttpResponse<String> unknown = send(post(asAdmin, "/task/no-such-task/complete", NO_VARIABLES));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"type\":\"NotFoundException\"");

        HttpResponse<String> unknownForm = send(post(asAdmin, "/task/no-such-task/submit-form", NO_VARIABLES));
        assertThat(unknownForm.statusCode()).as(unknownForm.body()).isEqualTo(404);

        HttpResponse<String> badInput = send(post(asAdmin, "/task/" + taskId + "/complete",
                "{\"variables\":{\"amount\":{\"value\":\"abc\",\"type\":\"Integer\"}}}"));
        assertThat(badInput.statusCode()).as(badInput.body()).isEqualTo(400);

        // a department's staff member has no rights on this process: refused, not mistaken for a conflict or a crash
        HttpResponse<String> refused = send(post(loggedIn("yangfan", DemoOrganisation.PASSWORD), "/task/" + taskId + "/complete",
                NO_VARIABLES));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

        assertThat(openTaskId(instance, "firstTask")).as("nothing was completed").isEqualTo(taskId);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "amount")).isNull();
    }

    /** A Tasklist login: the session cookie and the CSRF token that every browser request of it carries. */
    private HttpRequest.Builder loggedIn(String user, String password) {
        WebappSession session = WebappSession.open(rest);
        assertThat(session.login(user, password).getStatusCode().value()).as("login of " + user).isEqualTo(200);
        HttpHeaders headers = session.headers(true);
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder;
    }

    private void assertExactlyOneWins(HttpRequest request) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(callers.submit(() -> {
                start.await();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            boolean toldWhy = response.statusCode() == 409 && (response.body().contains("\"type\":\"OptimisticLockingException\"")
                    || response.body().contains("\"type\":\"TaskAlreadyCompletedException\""));
            if (response.statusCode() != 204 && !toldWhy) {
                unexpected.add(response.statusCode() + " " + response.body());
            }
        }
        callers.shutdown();

        assertThat(unexpected).as(request.uri() + ": answers other than 204 and a 409 that says why " + statuses).isEmpty();
        assertThat(statuses).as(request.uri().toString()).containsEntry(204, 1).containsEntry(409, CALLERS - 1);
    }

    private void assertMovedOnOnce(ProcessInstance instance, String completed, String next) {
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(next).count())
                .as("the process moved on once").isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(completed).count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(next).count()).isEqualTo(1);
    }

    private String openTaskId(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult().getId();
    }

    /** A POST to the webapps' engine API with the session's cookie and CSRF token. */
    private HttpRequest post(HttpRequest.Builder session, String path, String body) {
        return session.copy().uri(uri(WEBAPP_ENGINE_API + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
