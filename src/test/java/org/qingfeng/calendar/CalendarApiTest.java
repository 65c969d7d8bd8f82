package org.qingfeng.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * /api/calendar: everyone logged in reads, editors change, bad input changes nothing. The year 2031 is used by no
 * other test, and no deadline runs into it, so these changes move nothing else.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class CalendarApiTest extends ProcessTestSupport {

    private static final String ADMIN = "admin";
    private static final String OFFICE = "zhoumin";
    private static final String STAFF = "huangli";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CalendarAdministration administration;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CalendarDays days;

    @AfterEach
    void clear2031() {
        for (CalendarDay day : administration.year(2031)) {
            administration.resetDay("test", day.date());
        }
    }

    @Test
    void anyoneLoggedInReadsAYearAndWhetherItsNoticeIsLoaded() {
        ResponseEntity<Map> year = call(HttpMethod.GET, "/api/calendar/2026", STAFF, null);
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(year.getBody()).containsEntry("year", 2026).containsEntry("covered", true);
        List<Map<String, Object>> days = (List<Map<String, Object>>) year.getBody().get("days");
        assertThat(days).anySatisfy(d -> assertThat(d).containsEntry("date", "2026-02-17").containsEntry("working", false)
                .containsEntry("name", "春节"));
        assertThat(days).anySatisfy(d -> assertThat(d).containsEntry("date", "2026-10-10").containsEntry("working", true)
                .containsEntry("name", "国庆节调休"));
        // only the days that differ from Monday to Friday
        assertThat(days).noneSatisfy(d -> assertThat(d).containsEntry("date", "2026-03-02"));

        assertThat(call(HttpMethod.GET, "/api/calendar/2031", STAFF, null).getBody())
                .containsEntry("covered", false).containsEntry("days", List.of());
        assertThat(rest.getForEntity("/api/calendar/2026", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anEditorSetsADayAndPutsItBackWithEveryChangeOnRecord() {
        LocalDate monday = LocalDate.of(2031, 5, 5);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        long since = days.version();

        ResponseEntity<Map> set = call(HttpMethod.PUT, "/api/calendar/days/2031-05-05", OFFICE,
                Map.of("working", false, "name", "劳动节", "source", "国务院办公厅关于2031年部分节假日安排的通知"));

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) set.getBody().get("changes")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("date", "2031-05-05").containsEntry("before", null));
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        Map<String, Object> year = call(HttpMethod.GET, "/api/calendar/2031", STAFF, null).getBody();
        assertThat(year).containsEntry("covered", true);
        assertThat((List<Map<String, Object>>) year.get("days")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("working", false).containsEntry("name", "劳动节")
                .containsEntry("source", "国务院办公厅关于2031年部分节假日安排的通知"));

        // a make-up Saturday needs no name; the source defaults to the administrator
        ResponseEntity<Map> saturday = call(HttpMethod.PUT, "/api/calendar/days/2031-05-03", ADMIN, Map.of("working", true));
        assertThat(saturday.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 3))).isTrue();
        assertThat(administration.year(2031)).filteredOn(d -> d.working()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("调休上班"));

        ResponseEntity<Map> reset = call(HttpMethod.DELETE, "/api/calendar/days/2031-05-05", OFFICE, null);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        // deleting again changes nothing and records nothing
        assertThat((List<?>) call(HttpMethod.DELETE, "/api/calendar/days/2031-05-05", OFFICE, null).getBody().get("changes")).isEmpty();

        List<Map<String, Object>> changes = ((List<Map<String, Object>>) rest.exchange("/api/calendar/2031/changes",
                HttpMethod.GET, new HttpEntity<>(headers(STAFF)), List.class).getBody())
                .stream().filter(c -> ((Number) c.get("id")).longValue() > since).toList();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).containsEntry("changedBy", OFFICE).containsEntry("date", "2031-05-05")
                .containsEntry("after", null).containsKey("changedAt");
        assertThat((Map<String, Object>) changes.get(0).get("before")).containsEntry("name", "劳动节");
        assertThat(changes.get(1)).containsEntry("changedBy", ADMIN).containsEntry("date", "2031-05-03");
        assertThat(changes.get(2)).containsEntry("changedBy", OFFICE).containsEntry("before", null);
    }

    @Test
    void aYearsNoticeIsLoadedAtOnceAndReplacesTheYear() {
        String notice = "国务院办公厅关于2031年部分节假日安排的通知";
        ResponseEntity<Map> loaded = call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("source", notice, "days", List.of(
                Map.of("date", "2031-01-01", "working", false, "name", "元旦"),
                Map.of("date", "2031-10-01", "working", false, "name", "国庆节"),
                Map.of("date", "2031-05-03", "working", true, "name", "劳动节调休"))));

        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) loaded.getBody().get("changes")).hasSize(3);
        assertThat(administration.year(2031)).extracting(CalendarDay::date, CalendarDay::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 1, 1), notice),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 5, 3), notice),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2031, 10, 1), notice));
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).isFalse();

        // a corrected notice: 1 October stays, the rest goes, a new day comes
        ResponseEntity<Map> corrected = call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("source", notice + "（更正）", "days", List.of(
                Map.of("date", "2031-10-01", "working", false, "name", "国庆节", "source", notice),
                Map.of("date", "2031-10-02", "working", false, "name", "国庆节"))));
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) corrected.getBody().get("changes")).hasSize(3);
        assertThat(administration.year(2031)).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2031, 10, 1), LocalDate.of(2031, 10, 2));
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
    }

    @Test
    void badInputIsAnsweredWith400AndChangesNothing() {
        call(HttpMethod.PUT, "/api/calendar/days/2031-05-05", ADMIN, Map.of("working", false, "name", "劳动节"));
        List<CalendarDay> before = administration.year(2031);
        int trail = administration.changes(2031).size();

        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/2031-02-30", ADMIN, Map.of("working", false, "name", "春节")), "date");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/31-5-6", ADMIN, Map.of("working", false, "name", "春节")), "date");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/1999-05-06", ADMIN, Map.of("working", false, "name", "春节")), "date");
        assertBadRequest(call(HttpMethod.DELETE, "/api/calendar/days/2031-13-01", ADMIN, null), "date");
        assertBadRequest(call(HttpMethod.GET, "/api/calendar/3000", STAFF, null), "year");
        assertBadRequest(call(HttpMethod.GET, "/api/calendar/next", STAFF, null), "year");
        // a holiday without its name
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, Map.of("working", false)), "name");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, Map.of("working", false, "name", " ")), "name");
        // working or not must be said
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, Map.of("name", "劳动节")), "working");
        // a Tuesday is a working day already
        ResponseEntity<Map> weekday = call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, Map.of("working", true));
        assertBadRequest(weekday, "working");
        assertThat((String) weekday.getBody().get("message")).contains("周二");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN,
                Map.of("working", false, "name", "劳".repeat(51))), "name");
        // not JSON at all, or a working flag that is not a boolean
        ResponseEntity<Map> garbled = call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, "{\"working\": ");
        assertThat(garbled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbled.getBody()).containsEntry("status", 400).containsKey("message");
        assertThat(call(HttpMethod.PUT, "/api/calendar/days/2031-05-06", ADMIN, Map.of("working", List.of(1))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // a notice with one bad day is refused as a whole: the good days before it are not written either
        Map<String, Object> notice = Map.of("source", "通知", "days", List.of(
                Map.of("date", "2031-01-01", "working", false, "name", "元旦"),
                Map.of("date", "2032-01-01", "working", false, "name", "元旦")));
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, notice), "days[1].date");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("source", "通知", "days", List.of(
                Map.of("date", "2031-01-01", "working", false, "name", "元旦"),
                Map.of("date", "2031-01-01", "working", false, "name", "元旦")))), "days[1].date");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("source", "通知", "days", List.of(
                Map.of("date", "2031-01-01", "working", false)))), "days[0].name");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("days", List.of(
                Map.of("date", "2031-01-01", "working", false, "name", "元旦")))), "source");
        assertBadRequest(call(HttpMethod.PUT, "/api/calendar/2031", ADMIN, Map.of("source", "通知", "days", List.of())), "days");

        assertThat(administration.year(2031)).isEqualTo(before);
        assertThat(administration.changes(2031)).hasSize(trail);
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
    }

    @Test
    void onlyEditorsChangeTheCalendar() {
        ResponseEntity<Map> staff = call(HttpMethod.PUT, "/api/calendar/days/2031-05-05", STAFF, Map.of("working", false, "name", "劳动节"));
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staff.getBody()).containsEntry("status", 403);
        assertThat(call(HttpMethod.PUT, "/api/calendar/2031", STAFF, Map.of("source", "通知", "days", List.of(
                Map.of("date", "2031-05-05", "working", false, "name", "劳动节")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a department head is no editor either, and refusal comes before validation
        assertThat(call(HttpMethod.DELETE, "/api/calendar/days/2031-02-30", "liuqiang", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.PUT, "/api/calendar/days/2031-05-05", null, Map.of("working", false, "name", "劳动节"))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(administration.year(2031)).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 5))).isTrue();
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Map<String, Object> openApi = call(HttpMethod.GET, "/api/openapi.json", STAFF, null).getBody();
        assertThat((Map<String, Object>) openApi.get("paths")).containsKeys(
                "/api/calendar/{year}", "/api/calendar/{year}/changes", "/api/calendar/days/{date}");
    }

    private static void assertBadRequest(ResponseEntity<Map> response, String parameter) {
        assertThat(response.getStatusCode()).as(parameter).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(parameter).containsEntry("status", 400).containsEntry("parameter", parameter)
                .containsKey("message");
    }

    private ResponseEntity<Map> call(HttpMethod method, String url, String user, Object body) {
        return rest.exchange(url, method, new HttpEntity<>(body, headers(user)), Map.class);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, ADMIN.equals(user) ? "admin" : DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
