package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Staff entering what the channels received; attachments and the reporter's contact as staff read them. */
class IntakeStaffApiTest extends IntakeTestSupport {

    private static Map<String, Object> hotlineCall(String description) {
        Map<String, Object> report = new HashMap<>();
        report.put("channel", "hotline");
        report.put("reporterType", "enterprise");
        report.put("description", description);
        report.put("place", "企业服务窗口");
        report.put("departmentId", "procurement");
        report.put("contact", Map.of("name", "司马光明", "phone", "13912345678", "email", "sima@example.com"));
        return report;
    }

    @Test
    void theReceiverIsRecordedAndTheContactIsMaskedForAllButTheWorkStyleOffice() {
        Map<String, Object> report = hotlineCall("采购科要求企业额外提供无关证明材料");
        report.put("reportedAt", "2026-02-27T16:30:00+08:00");

        ResponseEntity<Map> receipt = staffReport("huangli", report, null);

        assertThat(receipt.getStatusCode()).as(String.valueOf(receipt.getBody())).isEqualTo(HttpStatus.CREATED);
        String number = (String) receipt.getBody().get("trackingNumber");
        assertThat(receipt.getBody().get("queryCode")).asString().matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        Map<String, Object> row = jdbc.queryForMap("select channel, reporter_type, received_by, reported_at from problem where number = ?", number);
        assertThat(row.values()).startsWith("hotline", "enterprise", "huangli");
        assertThat(((java.util.Date) row.values().toArray()[3]).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-02-27T16:30:00+08:00").toInstant());
        assertThat(ledger.events(number)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.REPORTED);
            assertThat(e.actor()).isEqualTo("huangli");
        });
        // the report's facts live in the ledger row; the instance keeps what its forms show and its steps read
        String instance = jdbc.queryForObject("select process_instance_id from problem where number = ?", String.class, number);
        assertThat(jdbc.queryForList("select name_ from act_ru_variable where proc_inst_id_ = ? and task_id_ is null",
                String.class, instance)).containsExactlyInAnyOrder("problemDescription", "problemId", "problemNumber");
        assertThat(jdbc.queryForList("select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class, instance))
                .doesNotContain("channel", "reporterType", "place", "departmentHint", "reportedBy", "reportedAt",
                        "externalOrigin");

        // a department sees only its own problems, and a report not yet registered belongs to none
        assertThat(staffGet("liuqiang", "/api/intake/reports/{n}", Map.class, number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> seen = staffGet("zhaogang", "/api/intake/reports/{n}", Map.class, number);
        assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seen.getBody()).containsEntry("receivedBy", "huangli").containsEntry("channel", "hotline")
                .containsEntry("anonymous", false).containsEntry("contact", Map.of("name", "司***", "phone", "139****5678",
                        "email", "s***@example.com"));

        ResponseEntity<Map> refused = staffGet("zhaogang", "/api/intake/reports/{n}/contact", Map.class, number);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().toString()).doesNotContain("13912345678").doesNotContain("司马");

        ResponseEntity<Map> opened = staffGet("wangfang", "/api/intake/reports/{n}/contact", Map.class, number);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody()).isEqualTo(Map.of("name", "司马光明", "phone", "13912345678", "email", "sima@example.com"));

        assertThat(ledger.events(number)).filteredOn(e -> e.type() != EventType.REPORTED)
                .extracting(ProblemLedger.Event::type, ProblemLedger.Event::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.CONTACT_REFUSED, "zhaogang"),
                        org.assertj.core.groups.Tuple.tuple(EventType.CONTACT_VIEWED, "wangfang"));
    }

    @Test
    void theSameExternalReferenceOrKeyReturnsTheSameProblem() {
        Map<String, Object> report = hotlineCall("热线反映：车辆管理科派车推诿");
        report.put("externalReference", "HL-20260302-0042");
        long problems = count("problem");

        ResponseEntity<Map> first = staffReport("huangli", report, null);
        ResponseEntity<Map> again = staffReport("zhoumin", report, null);
        ResponseEntity<Map> keyed = staffReport("huangli", hotlineCall("热线反映：会务中心会议材料印刷延误"), "call-7781");
        ResponseEntity<Map> keyedAgain = staffReport("huangli", hotlineCall("热线反映：会务中心会议材料印刷延误"), "call-7781");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("trackingNumber", first.getBody().get("trackingNumber")).doesNotContainKey("queryCode");
        assertThat(keyed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(keyedAgain.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keyedAgain.getBody().get("trackingNumber")).isEqualTo(keyed.getBody().get("trackingNumber"));
        // the same key is the same caller retrying: told the code again; a repeated reference is not
        assertThat(keyedAgain.getBody()).containsEntry("queryCode", keyed.getBody().get("queryCode"));
        assertThat(count("problem")).isEqualTo(problems + 2);
    }

    @Test
    void badStaffReportsAreRefusedAndLoginIsNeeded() {
        Counts before = counts();
        Map<String, Object> revisit = hotlineCall("回头看渠道不能从这里进入");
        revisit.put("channel", "revisit");
        Map<String, Object> future = hotlineCall("反映时间在将来是不可能的");
        future.put("reportedAt", "2026-03-03T09:00:00+08:00");
        Map<String, Object> badTime = hotlineCall("反映时间格式错误的报告");
        badTime.put("reportedAt", "yesterday");
        Map<String, Object> reporter = hotlineCall("反映人类别不在可选范围");
        reporter.put("reporterType", "alien");

        assertThat(staffReport("huangli", revisit, null).getBody()).containsEntry("status", 400).extracting("errors").asString().contains("channel");
        assertThat(staffReport("huangli", future, null).getBody()).containsEntry("status", 400).extracting("message").asString().contains("不能晚于当前时间");
        assertThat(staffReport("huangli", badTime, null).getBody()).containsEntry("status", 400).extracting("errors").asString().contains("reportedAt");
        assertThat(staffReport("huangli", reporter, null).getBody()).containsEntry("status", 400).extracting("errors").asString().contains("reporterType");
        HttpHeaders noLogin = new HttpHeaders();
        noLogin.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.exchange("/api/intake/reports", HttpMethod.POST, new HttpEntity<>(hotlineCall("没有登录的人提交的报告"), noLogin),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/intake/attachments/1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void someoneWithoutTheRightToReportIsRefusedWith403AndNothingIsCreated() {
        String outsider = "intakeOutsider";
        String password = "Xq7!harbor-Lantern";
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(outsider).count() == 0) {
            var user = identity.newUser(outsider);
            user.setPassword(password);
            identity.saveUser(user);
        }
        long problems = count("problem");
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(outsider, password, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<Map> refused = rest.exchange("/api/intake/reports", HttpMethod.POST,
                new HttpEntity<>(hotlineCall("无权限人员试图登记"), headers), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("status", 403);
        assertThat(count("problem")).isEqualTo(problems);
    }

    @Test
    void attachmentsAreListedAndDownloadedUnderServerNames() {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> report = hotlineCall("意见箱来信：维修科报修后一周无人上门");
        report.put("channel", "suggestionBox");
        body.add("report", new HttpEntity<>(report, json));
        body.add("attachments", new ByteArrayResource(JPEG) {
            @Override
            public String getFilename() {
                return "../../etc/passwd.html";
            }
        });
        HttpHeaders headers = staff("huangli");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> receipt = rest.exchange("/api/intake/reports", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        assertThat(receipt.getStatusCode()).as(String.valueOf(receipt.getBody())).isEqualTo(HttpStatus.CREATED);
        String number = (String) receipt.getBody().get("trackingNumber");

        ResponseEntity<List> listed = staffGet("zhaogang", "/api/intake/reports/{n}/attachments", List.class, number);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> attachment = (Map<String, Object>) listed.getBody().get(0);
        assertThat(attachment).containsEntry("fileName", number + "-1.jpg").containsEntry("contentType", "image/jpeg")
                .containsEntry("size", JPEG.length);

        // another department neither lists nor downloads them
        assertThat(staffGet("liuqiang", "/api/intake/reports/{n}/attachments", Map.class, number).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(staffGet("liuqiang", "/api/intake/attachments/{id}", Map.class, attachment.get("id")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> download = staffGet("zhaogang", "/api/intake/attachments/{id}", byte[].class, attachment.get("id"));
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(JPEG);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(number + "-1.jpg");
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(staffGet("zhaogang", "/api/intake/attachments/{id}", Map.class, 987654321L).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new String(download.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain("passwd");
    }
}
