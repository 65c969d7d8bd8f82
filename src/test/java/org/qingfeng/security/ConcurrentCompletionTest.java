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
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 200 people press 完成 on the same task at the same moment, through /engine-rest: exactly one wins (204), every
 * other one is told 409 — either the engine saw the concurrent change (OptimisticLockingException) or the task was
 * already gone and is in the history as completed — never 500, and the process moves on once. On H2 and, with
 * -Ppostgres, on PostgreSQL.
 */
class ConcurrentCompletionTest extends ProcessTestSupport {

    private static final int CALLERS = 200;

    @LocalServerPort
    int port;

    private Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void concurrentCompletionsOfOneTaskLetExactlyOneWin() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("concurrentCompletionProbe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("firstTask").userTask("secondTask").endEvent().done();
        deployment = engine.getRepositoryService().createDeployment().addModelInstance("concurrent-completion-probe.bpmn", model)
                .deploy();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("concurrentCompletionProbe");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(16)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpRequest complete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        ExecutorService callers = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(callers.submit(() -> {
                start.await();
                return client.send(complete, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() != 204 && response.statusCode() != 409) {
                unexpected.add(response.statusCode() + " " + response.body());
            }
        }
        callers.shutdown();

        assertThat(unexpected).as("answers other than 204 and 409 " + statuses).isEmpty();
        assertThat(statuses).containsEntry(204, 1).containsEntry(409, CALLERS - 1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("secondTask").count())
                .as("the process moved on once").isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("firstTask").count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("secondTask").count()).isEqualTo(1);
    }
}
