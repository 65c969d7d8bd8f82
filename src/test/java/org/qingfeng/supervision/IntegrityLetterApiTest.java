package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingfeng.supervision.IntegrityReminder.Elements.DRAFT_LETTER;
import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/integrity-letters: the list as JSON, the printable letter as HTML in which nothing anyone typed can run. */
class IntegrityLetterApiTest extends IntegrityLetterTestSupport {

    private static final String HOSTILE = "请整改。<script>alert('x')</script>\n<img src=x onerror=\"steal()\">&amp;";

    @Autowired
    TestRestTemplate rest;

    @Test
    void thePrintableLetterShowsWhatWasTypedAsTextOnly() {
        IntegrityLetter letter = sentLetter(HOSTILE);

        ResponseEntity<String> response = rest.withBasicAuth(DISCIPLINE_INSPECTOR, "qingfeng")
                .getForEntity("/api/integrity-letters/" + letter.id(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.getBody();
        assertThat(html).contains("<h1>廉洁提醒函</h1>", "设施维修科负责人：", "LJ-2026-06-maintenance",
                "<p class=\"text\">请整改。&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>",
                "<p class=\"text\">&lt;img src=x onerror=&quot;steal()&quot;&gt;&amp;amp;</p>",
                "预警事由", "2026年6月8日 18:00前", "@media print");
        assertThat(html).doesNotContain("<script", "<img", "{{");
    }

    @Test
    void theListIsJsonAndReadableFromAnyLogin() {
        IntegrityLetter letter = sentLetter("请整改。");

        ResponseEntity<List> list = rest.withBasicAuth("zhangwei", "qingfeng")
                .getForEntity("/api/integrity-letters?departmentId=maintenance&month=2026-06", List.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) list.getBody().get(0);
        assertThat(row).containsEntry("number", "LJ-2026-06-maintenance").containsEntry("departmentName", "设施维修科")
                .containsEntry("status", "AWAITING_REPLY").containsEntry("statusLabel", "待答复")
                .containsEntry("originLabel", "预警研判").containsEntry("documentPath", "/api/integrity-letters/" + letter.id());
        ResponseEntity<List> timeline = rest.withBasicAuth("zhangwei", "qingfeng")
                .getForEntity("/api/integrity-letters/" + letter.id() + "/timeline", List.class);
        assertThat(timeline.getBody()).extracting(e -> ((Map<?, ?>) e).get("type")).containsExactly("RAISED", "SENT");
    }

    @Test
    void badRequestsAreRefusedClearly() {
        IntegrityLetter letter = sentLetter("请整改。");

        assertThat(rest.getForEntity("/api/integrity-letters/" + letter.id(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        TestRestTemplate inspector = rest.withBasicAuth(DISCIPLINE_INSPECTOR, "qingfeng");
        assertThat(inspector.getForEntity("/api/integrity-letters/99999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> badId = inspector.getForEntity("/api/integrity-letters/abc", String.class);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody()).contains("\"parameter\":\"id\"");
        ResponseEntity<String> badMonth = inspector.getForEntity("/api/integrity-letters?month=2026-13", String.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badMonth.getBody()).contains("\"parameter\":\"month\"");
    }

    @Test
    void aLetterNotYetSentHasNoDocument() {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("maintenance", "近30日内连续被投诉3次");

        ResponseEntity<String> response = rest.withBasicAuth(DISCIPLINE_INSPECTOR, "qingfeng")
                .getForEntity("/api/integrity-letters/" + letter(instance).id(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("has not been sent");
    }

    private IntegrityLetter sentLetter(String text) {
        moveClockTo(LocalDateTime.of(2026, 6, 1, 9, 0));
        ProcessInstance instance = raiseWarning("maintenance", "近30日内连续被投诉3次");
        completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR, Map.of(SEND_DECISION, "send", LETTER_TEXT, text));
        return letter(instance);
    }
}
