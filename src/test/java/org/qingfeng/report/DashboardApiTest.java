package org.qingfeng.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.MonthlyRates;
import org.qingfeng.supervision.ReviewThresholds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Cockpit dashboard's figures are the ledger API's: rates as /api/ledger/rates gives them, and every count equal
 * to the total of the ledger list its link opens. The conference centre's problems made here are due in March 2033,
 * later than any other test's, so they change its figures by exactly their own; the rest of the shared database is
 * compared, not counted.
 */
class DashboardApiTest extends ProcessTestSupport {

    private static final String MONTH = "2033-03";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonthlyRates rates;
    @Autowired
    ReviewThresholds thresholds;

    @Test
    @SuppressWarnings("unchecked")
    void figuresAreTheLedgerApisFigures() {
        moveClockTo(LocalDateTime.of(2033, 3, 21, 10, 0));
        // rates count every problem due by the month's end, so other tests' older conference problems count too
        Map<String, Object> before = conferenceRate(get("/api/ledger/rates?month=" + MONTH, List.class).getBody());
        problem("CONSOLIDATED", "FINISHED", "NONE", LocalDateTime.of(2033, 3, 10, 18, 0), LocalDateTime.of(2033, 3, 9, 16, 0));
        problem("CLOSED", "AWAITING_REVISIT", "RED", LocalDateTime.of(2033, 3, 11, 18, 0), LocalDateTime.of(2033, 3, 15, 16, 0));
        String overdue = problem("REGISTERED", "RECTIFICATION", "RED", LocalDateTime.of(2033, 3, 14, 18, 0), null);
        problem("REGISTERED", "PLANNING", "YELLOW", LocalDateTime.of(2033, 4, 11, 18, 0), null);
        jdbc.update("""
                insert into escalation_interview (problem_id, level, title, interviewer, interview_time, new_deadline, recorded_at)
                select id, 1, '看板测试约谈', 'sunli', '2033-03-18 10:00', deadline, ? from problem where number = ?""",
                ts(LocalDateTime.of(2033, 3, 18, 11, 0)), overdue);

        Map<String, Object> dashboard = get("/api/dashboard?month=" + MONTH, Map.class).getBody();

        assertThat(dashboard).containsEntry("month", MONTH).containsEntry("currentMonth", true);
        List<Map<String, Object>> departments = (List<Map<String, Object>>) dashboard.get("departments");
        List<Map<String, Object>> apiRates = get("/api/ledger/rates?month=" + MONTH, List.class).getBody();
        assertThat(departments).extracting(d -> d.get("rate")).containsExactlyElementsOf(apiRates);

        Map<String, Object> conference = departments.stream()
                .filter(d -> "conference".equals(((Map<String, Object>) d.get("rate")).get("departmentId"))).findFirst().orElseThrow();
        assertThat(conference.get("rate")).isEqualTo(conferenceRate(apiRates));
        Map<String, Object> rate = (Map<String, Object>) conference.get("rate");
        int due = (Integer) before.get("due") + 3;
        int closed = (Integer) before.get("closed") + 2;
        int onTime = (Integer) before.get("closedOnTime") + 1;
        assertThat(rate).containsEntry("due", due).containsEntry("closed", closed).containsEntry("closedOnTime", onTime)
                .containsEntry("open", (Integer) before.get("open") + 2).containsEntry("overdue", (Integer) before.get("overdue") + 1)
                .containsEntry("rectificationRate", (double) closed / due).containsEntry("onTimeRate", (double) onTime / due);
        double threshold = thresholds.of("conference");
        assertThat(conference).containsEntry("threshold", threshold).containsEntry("reviewed", false)
                .containsEntry("passed", (double) closed / due >= threshold);
        assertThat(total((Map<String, String>) conference.get("list"))).isEqualTo(due);
        assertThat(total((Map<String, String>) conference.get("openList"))).isEqualTo(rate.get("open"));
        assertThat(total((Map<String, String>) conference.get("overdueList"))).isEqualTo(rate.get("overdue"));

        // all departments together, and the last point of the trend is that month
        List<DepartmentRate> monthRates = rates.of(YearMonth.parse(MONTH));
        Map<String, Object> total = (Map<String, Object>) dashboard.get("total");
        assertThat(total).containsEntry("due", monthRates.stream().mapToInt(DepartmentRate::due).sum())
                .containsEntry("closed", monthRates.stream().mapToInt(DepartmentRate::closed).sum())
                .containsEntry("overdue", monthRates.stream().mapToInt(DepartmentRate::overdue).sum());
        List<Map<String, Object>> trend = (List<Map<String, Object>>) dashboard.get("trend");
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0)).containsEntry("month", "2032-04");
        assertThat(trend.get(11)).containsEntry("month", MONTH).containsEntry("figures", total);

        // open and overdue work by stage and warning colour: each figure is its list's total
        List<Map<String, Object>> work = (List<Map<String, Object>>) dashboard.get("work");
        assertThat(work).anySatisfy(cell -> assertThat(cell).containsEntry("stage", "RECTIFICATION").containsEntry("warning", "RED")
                .containsEntry("stageLabel", "实施整改").containsEntry("warningLabel", "红牌"));
        for (Map<String, Object> cell : work) {
            assertThat(total((Map<String, String>) cell.get("openList"))).isEqualTo(cell.get("open"));
            assertThat(total((Map<String, String>) cell.get("overdueList"))).isEqualTo(cell.get("overdue"));
        }
        assertThat(work.stream().mapToInt(c -> (Integer) c.get("open")).sum()).isEqualTo(total(Map.of("status", "REGISTERED")));
        assertThat(work.stream().mapToInt(c -> (Integer) c.get("overdue")).sum()).isEqualTo(total(Map.of("overdue", "true")));

        // problems registered in the month by category and channel
        for (String dimension : List.of("categories", "channels")) {
            List<Map<String, Object>> shares = (List<Map<String, Object>>) dashboard.get(dimension);
            assertThat(shares).isNotEmpty();
            for (Map<String, Object> share : shares) {
                assertThat(share.get("label")).isNotNull();
                assertThat(total((Map<String, String>) share.get("list"))).isEqualTo(share.get("count"));
            }
            assertThat(shares.stream().mapToInt(s -> (Integer) s.get("count")).sum())
                    .isEqualTo(total(Map.of("registeredFrom", "2033-03-01", "registeredTo", "2033-03-31")));
        }

        assertThat((List<Map<String, Object>>) dashboard.get("escalationInterviews")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("problemNumber", overdue).containsEntry("departmentName", "会务中心")
                        .containsEntry("title", "看板测试约谈"));
        assertThat(dashboard.get("watchList")).isEqualTo(get("/api/supervision/watch-list", List.class).getBody());
        assertThat(dashboard.get("reviews")).isEqualTo(get("/api/supervision/reviews?month=" + MONTH, List.class).getBody());
        assertThat(dashboard.get("letters")).isEqualTo(get("/api/integrity-letters?month=" + MONTH, List.class).getBody());
    }

    @Test
    void refusesParametersItCannotUse() {
        moveClockTo(LocalDateTime.of(2033, 3, 21, 10, 0));
        for (String query : List.of("month=2033-3", "month=march", "month=2033-13", "month=2033-04", "month=", "months=2033-03")) {
            ResponseEntity<Map> response = get("/api/dashboard?" + query, Map.class);
            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).as(query).containsEntry("parameter", query.startsWith("months") ? "months" : "month");
        }
        assertThat(get("/api/dashboard", Map.class).getBody()).containsEntry("month", MONTH);
    }

    @Test
    void needsALogin() {
        assertThat(rest.getForEntity("/api/dashboard?month=" + MONTH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** A conference-centre problem registered on 1 March 2033 with the given deadline, closed at {@code closed} or open. */
    private String problem(String status, String stage, String warning, LocalDateTime deadline, LocalDateTime closed) {
        String number = "KB-" + UUID.randomUUID().toString().substring(0, 12);
        Timestamp registered = ts(LocalDateTime.of(2033, 3, 1, 10, 0));
        jdbc.update("""
                insert into problem (number, channel, reporter_type, external_origin, description, reported_at, status, stage,
                    category, severity, department_id, registered_at, deadline, warning_colour, closed_at, closed_on_time, updated_at)
                values (?, 'hotline', 'staff', false, '看板测试问题', ?, ?, ?, 'attitude', 'general', 'conference', ?, ?, ?, ?, ?, ?)""",
                number, registered, status, stage, registered, ts(deadline), warning,
                closed == null ? null : ts(closed), closed == null ? null : !closed.isAfter(deadline), registered);
        return number;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conferenceRate(List<?> rates) {
        return ((List<Map<String, Object>>) rates).stream().filter(r -> "conference".equals(r.get("departmentId")))
                .findFirst().orElseThrow();
    }

    private static Timestamp ts(LocalDateTime time) {
        return Timestamp.from(at(time).toInstant());
    }

    @SuppressWarnings("unchecked")
    private int total(Map<String, String> list) {
        String query = list.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return (Integer) get("/api/ledger/problems?size=1&" + query, Map.class).getBody().get("total");
    }

    private <T> ResponseEntity<T> get(String url, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), type);
    }
}
