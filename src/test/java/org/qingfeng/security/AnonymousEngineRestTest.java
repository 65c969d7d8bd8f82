package org.qingfeng.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of /engine-rest answers an anonymous caller 401, before any resource runs. */
class AnonymousEngineRestTest extends ProcessTestSupport {

    @LocalServerPort
    int port;

    @Test
    void everyEngineRestOperationRefusesAnonymousCallers() throws Exception {
        List<EngineRestEndpoints.Endpoint> endpoints = EngineRestEndpoints.all();
        assertThat(endpoints).as("the REST API's operations").hasSizeGreaterThan(300)
                .contains(new EngineRestEndpoints.Endpoint("POST", "/task/anyId/complete"),
                        new EngineRestEndpoints.Endpoint("POST", "/user/create"),
                        new EngineRestEndpoints.Endpoint("POST", "/deployment/create"));
        HttpClient client = HttpClient.newHttpClient();
        List<String> open = new ArrayList<>();
        for (EngineRestEndpoints.Endpoint endpoint : endpoints) {
            for (String prefix : List.of("/engine-rest")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + prefix + endpoint.path()))
                        .header("Content-Type", "application/json")
                        .method(endpoint.method(), "GET".equals(endpoint.method()) || "HEAD".equals(endpoint.method())
                                || "OPTIONS".equals(endpoint.method()) ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString("{}"))
                        .build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 401) {
                    open.add(endpoint.method() + " " + prefix + endpoint.path() + " -> " + status);
                }
            }
        }
        assertThat(open).as("operations answering an anonymous caller with something other than 401").isEmpty();
    }
}
