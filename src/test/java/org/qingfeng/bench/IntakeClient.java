package org.qingfeng.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Sends reports to the public intake API the way the public page does: one multipart request with the report as a
 * JSON part and an idempotency key, so that a retry after a lost answer cannot create a second problem.
 */
final class IntakeClient {

    /** What the intake answered: 201 for a new report, 200 for a replayed key; the tracking number in both. */
    record Answer(int status, String trackingNumber, String body) {

        boolean accepted() {
            return (status == 200 || status == 201) && trackingNumber != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final KeepAliveHttp keepAlive;
    private final URI reports;

    IntakeClient(String baseUrl) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.reports = URI.create(baseUrl + "/public/api/reports");
        this.keepAlive = new KeepAliveHttp(reports);
    }

    /** An anonymous report whose text carries {@code tag}, so a duplicate of it can be found in the ledger. */
    static String description(String tag) {
        return "办事窗口工作人员态度生硬，多次推诿，群众等候超过一小时无人答复。编号 " + tag;
    }

    Answer submit(String idempotencyKey, String description) throws IOException, InterruptedException {
        ObjectNode report = JSON.createObjectNode()
                .put("description", description)
                .put("place", "政务服务大厅二楼")
                .put("anonymous", true);
        report.putNull("departmentId");
        report.putNull("contact");
        String boundary = "----qingfeng" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JSON.writeValueAsBytes(report));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        KeepAliveHttp.Response response = keepAlive.post(reports.getPath(), Map.of(
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Idempotency-Key", idempotencyKey),
                body.toByteArray());
        String number = null;
        if (response.status() == 200 || response.status() == 201) {
            JsonNode answer = JSON.readTree(response.body());
            number = answer.path("trackingNumber").asText(null);
        }
        return new Answer(response.status(), number, response.body());
    }

    /** True once the application answers on the public form endpoint. */
    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(reports.toString().replace("/reports", "/form")))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
