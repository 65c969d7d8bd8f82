package org.qingfeng.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Calls of the intake API as the public page and staff clients make them. */
abstract class IntakeTestSupport extends ProcessTestSupport {

    /** Each test client gets an address of its own, so the public rate limits of one test do not reach another. */
    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 200);
    static final byte[] JPEG = bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 200);
    static final byte[] PDF = bytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 200);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    static String newClient() {
        int n = CLIENTS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static byte[] bytes(byte[] head, int size) {
        byte[] content = Arrays.copyOf(head, size);
        for (int i = head.length; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        return content;
    }

    static Map<String, Object> anonymousReport(String description) {
        return Map.of("description", description, "place", "政务大厅三号窗口", "anonymous", true);
    }

    ResponseEntity<Map> submit(String client, Map<String, Object> report, List<byte[]> files, String idempotencyKey) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(report, json));
        for (int i = 0; i < files.size(); i++) {
            String name = "photo" + i + ".bin";
            body.add("attachments", new ByteArrayResource(files.get(i)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Forwarded-For", client);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return rest.exchange("/public/api/reports", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    ResponseEntity<Map> status(String client, String number, String code) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", client);
        if (code != null) {
            headers.set("X-Query-Code", code);
        }
        return rest.exchange("/public/api/reports/{n}", HttpMethod.GET, new HttpEntity<>(headers), Map.class, number);
    }

    ResponseEntity<Map> rate(String client, String number, String code, Object score, String comment) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", client);
        headers.set("X-Query-Code", code);
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("score", score);
        body.put("comment", comment);
        return rest.exchange("/public/api/reports/{n}/rating", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class, number);
    }

    /** Headers of a staff member's call, credentials sent up front as the clients do. */
    static HttpHeaders staff(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    ResponseEntity<Map> staffReport(String user, Map<String, Object> report, String idempotencyKey) {
        HttpHeaders headers = staff(user);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return rest.exchange("/api/intake/reports", HttpMethod.POST, new HttpEntity<>(report, headers), Map.class);
    }

    <T> ResponseEntity<T> staffGet(String user, String url, Class<T> type, Object... variables) {
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(staff(user)), type, variables);
    }

    /** What a refused report must leave unchanged. */
    record Counts(long problems, long intakeReports, long attachments, long processInstances) {
    }

    Counts counts() {
        return new Counts(count("problem"), count("intake_report"), count("intake_attachment"),
                engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
