package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A reporter's contact data is sealed at rest and found nowhere else: not in the engine's tables, not in the log. */
@ExtendWith(OutputCaptureExtension.class)
class IntakePrivacyTest extends IntakeTestSupport {

    private static final String NAME = "慕容秋水";
    private static final String PHONE = "13766554433";
    private static final String EMAIL = "murong.qiushui@example.org";

    @Test
    void contactDataIsSealedAndAppearsInNoEngineTableAndNoLog(CapturedOutput output) {
        ResponseEntity<Map> receipt = submit(newClient(), Map.of("description", "会务中心报销审核故意拖延，多次往返",
                "anonymous", false, "contact", Map.of("name", NAME, "phone", PHONE, "email", EMAIL)), List.of(PDF), null);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) receipt.getBody().get("trackingNumber");
        // the office opens it, which is logged nowhere but the timeline
        assertThat(staffGet("wangfang", "/api/intake/reports/{n}/contact", Map.class, number).getBody()).containsEntry("phone", PHONE);

        Map<String, Object> stored = jdbc.queryForMap("select r.contact_sealed, r.contact_masked from intake_report r "
                + "join problem p on p.id = r.problem_id where p.number = ?", number);
        assertThat((String) stored.get("contact_sealed")).startsWith("v1:");
        assertThat((String) stored.get("contact_masked")).isEqualTo("慕***\n137****4433\nm***@example.org");

        for (String table : List.of("ACT_HI_VARINST", "ACT_RU_VARIABLE", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "ACT_HI_PROCINST",
                "ACT_RU_EXECUTION", "ACT_HI_OP_LOG", "problem", "problem_event", "intake_report", "intake_attachment")) {
            String dump = dump(table);
            for (String secret : List.of(NAME, PHONE, EMAIL, "慕容")) {
                assertThat(dump).as(table + " holds " + secret).doesNotContain(secret);
            }
        }
        for (String secret : List.of(NAME, PHONE, EMAIL, "慕容", "murong")) {
            assertThat(output.getAll()).as("log holds " + secret).doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("report received number=" + number);
    }

    @Test
    void anAnonymousReportKeepsNothingAboutItsSender() {
        String client = "203.0.113.77";
        ResponseEntity<Map> receipt = submit(client, anonymousReport("食堂工作人员对就餐职工态度生硬"), List.of(), null);
        String number = (String) receipt.getBody().get("trackingNumber");

        Map<String, Object> stored = jdbc.queryForMap("select r.* from intake_report r join problem p on p.id = r.problem_id "
                + "where p.number = ?", number);
        assertThat(stored.get("contact_sealed")).isNull();
        assertThat(stored.get("received_by")).isNull();
        assertThat(stored.get("anonymous")).isEqualTo(true);
        // no column of the intake keeps an address or a browser
        assertThat(stored.keySet()).noneMatch(column -> column.toLowerCase().matches(".*(ip|addr|agent|host|client).*"));
        for (String table : List.of("intake_report", "problem", "problem_event", "ACT_HI_VARINST", "ACT_HI_PROCINST")) {
            assertThat(dump(table)).doesNotContain(client);
        }
    }

    /** Every row of a table as text, binary columns read as UTF-8. */
    private String dump(String table) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
            for (Object value : row.values()) {
                all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value)).append('|');
            }
        }
        return all.toString();
    }
}
