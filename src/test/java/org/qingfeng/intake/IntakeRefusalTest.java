package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Bad input and abuse of the public API: a clear reason in Chinese, the right status, and nothing left behind. */
class IntakeRefusalTest extends IntakeTestSupport {

    @Test
    void badReportsAreRefusedWithReasonsAndLeaveNothingBehind() {
        Counts before = counts();

        assertRefused(submit(newClient(), anonymousReport("太短"), List.of(), null), 400, "description", "至少需要5个字");
        assertRefused(submit(newClient(), anonymousReport("长".repeat(2001)), List.of(), null), 400, "description", "不能超过2000个字");
        assertRefused(submit(newClient(), Map.of("description", "   ", "anonymous", true), List.of(), null), 400, "description", "请填写问题描述");
        assertRefused(submit(newClient(), IntakePublicApiTest.with(anonymousReport("窗口人员态度恶劣推诿"), "place", "地".repeat(201)),
                List.of(), null), 400, "place", "不能超过200个字");
        assertRefused(submit(newClient(), IntakePublicApiTest.with(anonymousReport("窗口人员态度恶劣推诿"), "departmentId", "nowhere"),
                List.of(), null), 400, "departmentId", "所选科室不存在");
        assertRefused(submit(newClient(), IntakePublicApiTest.with(anonymousReport("窗口人员态度恶劣推诿"), "contact",
                Map.of("phone", "13900001111")), List.of(), null), 400, "contact", "匿名反映不能填写联系方式");
        assertRefused(submit(newClient(), Map.of("description", "窗口人员态度恶劣推诿", "anonymous", false,
                "contact", Map.of("name", "张三")), List.of(), null), 400, "contact.phone", "至少留下手机号码或电子邮箱");
        assertRefused(submit(newClient(), Map.of("description", "窗口人员态度恶劣推诿", "anonymous", false,
                "contact", Map.of("phone", "call me", "email", "not-an-email")), List.of(), null), 400, "contact.phone", "联系电话格式不正确");
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(), "key with spaces"), 400,
                "Idempotency-Key", "Idempotency-Key");
        assertRefused(rawReport("{not json"), 400, "report", "格式有误");

        // too many, too large, too much in total
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(PNG, PNG, PNG, PNG), null), 413,
                "attachments", "附件最多3个");
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(PNG, bytes(PDF, 150 * 1024)), null), 413,
                "attachments[1]", "第2个附件超过100KB");
        byte[] big = bytes(JPEG, 90 * 1024);
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(big, big, big), null), 413,
                "attachments", "附件合计不能超过250KB");
        // beyond spring.servlet.multipart's hard limit: refused while parsing, still 413 JSON
        ResponseEntity<Map> huge = submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(bytes(PNG, 1536 * 1024)), null);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(huge.getBody()).containsEntry("status", 413);
        assertThat(huge.getBody().get("message")).asString().contains("过大");
        // far beyond it: the rest of the body is read and dropped, so the client gets the 413 rather than a reset
        ResponseEntity<Map> far = submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(bytes(PNG, 12 * 1024 * 1024)), null);
        assertThat(far.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(far.getBody().get("message")).asString().contains("过大");

        // kinds by content, not by name or declared type
        byte[] exe = bytes("MZ".getBytes(StandardCharsets.US_ASCII), 300);
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(PNG, exe), null), 415,
                "attachments[1]", "类型不支持");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(html), null), 415,
                "attachments[0]", "类型不支持");
        byte[] fakeZip = bytes(new byte[] {'P', 'K', 3, 4}, 300);
        assertRefused(submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(fakeZip), null), 415,
                "attachments[0]", "类型不支持");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void officeDocumentsAreKnownByTheirZipParts() {
        byte[] docx = zipNaming("[Content_Types].xml", "word/document.xml");
        byte[] xlsx = zipNaming("[Content_Types].xml", "xl/workbook.xml");

        ResponseEntity<Map> receipt = submit(newClient(), anonymousReport("采购流程不透明，报价单见附件"), List.of(docx, xlsx), null);

        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForList("select a.content_type from intake_attachment a join problem p on p.id = a.problem_id "
                + "where p.number = ? order by a.seq_no", String.class, receipt.getBody().get("trackingNumber")))
                .containsExactly(AttachmentType.DOCX.contentType(), AttachmentType.XLSX.contentType());
    }

    @Test
    void aClientOverItsReportLimitIsTurnedAwayWhileOthersAreNot() throws Exception {
        String flooding = newClient();
        for (int i = 0; i < 5; i++) {
            // refused or not, every report counts against the client's limit
            assertThat(submit(flooding, anonymousReport("短"), List.of(), null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        ResponseEntity<Map> limited = submit(flooding, anonymousReport("窗口人员态度恶劣推诿"), List.of(), null);
        assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limited.getHeaders().getFirst("Retry-After")).matches("\\d+");
        assertThat(Long.parseLong(limited.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.getBody()).containsEntry("status", 429);
        assertThat(limited.getBody().get("message")).asString().contains("请求过于频繁");

        // while the flooding client keeps hammering, other clients get through at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResponseEntity<Map>>> flood = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // invalid, so a token refilled meanwhile on a slow machine cannot open a problem
                flood.add(pool.submit(() -> submit(flooding, anonymousReport("短"), List.of(), null)));
            }
            List<Callable<ResponseEntity<Map>>> others = List.of(
                    () -> submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(), null),
                    () -> submit(newClient(), anonymousReport("窗口人员态度恶劣推诿"), List.of(), null));
            for (Future<ResponseEntity<Map>> other : pool.invokeAll(others)) {
                assertThat(other.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
            }
            int limitedCount = 0;
            for (Future<ResponseEntity<Map>> f : flood) {
                HttpStatus answer = HttpStatus.valueOf(f.get().getStatusCode().value());
                assertThat(answer).isIn(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.BAD_REQUEST);
                limitedCount += answer == HttpStatus.TOO_MANY_REQUESTS ? 1 : 0;
            }
            // 5 a minute: at most one token a 12 seconds comes back while the flood lasts
            assertThat(limitedCount).isGreaterThanOrEqualTo(18);
        } finally {
            pool.shutdownNow();
        }
        // status queries have their own limit: the flooding client can still follow its reports
        assertThat(status(flooding, "ZF-2026-999999", "AAAA-BBBB-CCCC").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void statusQueriesAreLimitedPerClient() {
        String guessing = newClient();
        int answered = 0;
        ResponseEntity<Map> answer;
        // 60 a minute; one more token a second comes back while the guesses go on
        while ((answer = status(guessing, "ZF-2026-999998", "AAAA-BBBB-CCCC")).getStatusCode() == HttpStatus.NOT_FOUND && answered < 200) {
            answered++;
        }
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answered).isBetween(60, 120);
        assertThat(status(newClient(), "ZF-2026-999998", "AAAA-BBBB-CCCC").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<Map> rawReport(String reportJson) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("report", new HttpEntity<>(reportJson, json));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Forwarded-For", newClient());
        return rest.exchange("/public/api/reports", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private static void assertRefused(ResponseEntity<Map> answer, int status, String field, String reason) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("status", status);
        assertThat((String) answer.getBody().get("message")).contains(reason);
        assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).extracting(e -> e.get("field")).contains(field);
    }

    /** A zip's first bytes and entry names as they stand in its local headers. */
    private static byte[] zipNaming(String... names) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                for (String name : names) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(name));
                    zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
