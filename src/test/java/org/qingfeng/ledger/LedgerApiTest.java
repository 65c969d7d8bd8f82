package org.qingfeng.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingfeng.rectification.ProblemLifecycle.Elements.*;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The ledger API answers with the numbers the processes produced. 安全保卫科 is used by no other test, so its
 * figures are exactly the three problems made here.
 */
class LedgerApiTest extends ProcessTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    LedgerQueries queries;

    private static ProcessInstance onTime;
    private static ProcessInstance late;
    private static ProcessInstance overdue;

    @BeforeEach
    void threeProblemsOfTheSecurityDepartment() {
        if (onTime != null) {
            return;
        }
        onTime = registered("来访登记手续繁琐");
        late = registered("门岗对群众态度冷淡");
        overdue = registered("夜间值班脱岗");
        // deadlines: 15 working days from Monday 2 March = 23 March, 18:00
        moveClockTo(LocalDateTime.of(2026, 3, 10, 10, 0));
        close(onTime);
        moveClockTo(LocalDateTime.of(2026, 3, 25, 10, 0));
        close(late);
    }

    @Test
    void monthlyRatesFollowTheDefinition() {
        moveClockTo(LocalDateTime.of(2026, 4, 2, 9, 0));
        List<Map<String, Object>> rates = get("/api/ledger/rates?month=2026-03", List.class).getBody();
        Map<String, Object> security = rates.stream().filter(r -> "security".equals(r.get("departmentId"))).findFirst().orElseThrow();

        assertThat(security).containsEntry("departmentName", "安全保卫科")
                .containsEntry("due", 3).containsEntry("closed", 2).containsEntry("closedOnTime", 1)
                .containsEntry("open", 1).containsEntry("overdue", 1);
        assertThat((Double) security.get("rectificationRate")).isEqualTo(2.0 / 3);
        assertThat((Double) security.get("onTimeRate")).isEqualTo(1.0 / 3);

        // in February nothing of theirs was due
        Map<String, Object> february = ((List<Map<String, Object>>) get("/api/ledger/rates?month=2026-02", List.class).getBody())
                .stream().filter(r -> "security".equals(r.get("departmentId"))).findFirst().orElseThrow();
        assertThat(february).containsEntry("due", 0).containsEntry("rectificationRate", null);

        // March has closed and was frozen when first asked: a deadline moved afterwards does not rewrite it
        long id = ledger.findByNumber(overdue.getBusinessKey()).orElseThrow().id();
        Date deadline = ledger.find(id).orElseThrow().deadline();
        ledger.setDeadline(id, at(LocalDateTime.of(2026, 4, 30, 18, 0)));
        try {
            assertThat(queries.rates(YearMonth.of(2026, 3))).filteredOn(r -> r.departmentId().equals("security"))
                    .singleElement().satisfies(r -> assertThat(r.due()).isEqualTo(2));
            Map<String, Object> frozen = ((List<Map<String, Object>>) get("/api/ledger/rates?month=2026-03", List.class).getBody())
                    .stream().filter(r -> "security".equals(r.get("departmentId"))).findFirst().orElseThrow();
            assertThat(frozen).containsEntry("due", 3).containsEntry("closed", 2);
        } finally {
            ledger.setDeadline(id, deadline);
        }
    }

    @Test
    void apiIsDescribedByOpenApi() {
        Map<String, Object> openApi = get("/api/openapi.json", Map.class).getBody();
        assertThat((Map<String, Object>) openApi.get("paths")).containsKeys(
                "/api/ledger/problems", "/api/ledger/problems/{number}", "/api/ledger/rates",
                "/api/ledger/problems.csv", "/api/ledger/problems.xlsx");
        Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) openApi.get("paths"))
                .get("/api/ledger/problems")).get("get");
        assertThat((List<Map<String, Object>>) list.get("parameters")).extracting(p -> p.get("name"))
                .contains("department", "status", "overdue", "q", "page", "size", "sort");
    }

    @Test
    void listFiltersSortsAndPages() {
        moveClockTo(LocalDateTime.of(2026, 3, 26, 9, 0));
        Map<String, Object> page = get("/api/ledger/problems?department=security&sort=number,asc&size=2", Map.class).getBody();
        assertThat(page).containsEntry("total", 3).containsEntry("size", 2).containsEntry("page", 0);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(i -> i.get("number")).containsExactly(onTime.getBusinessKey(), late.getBusinessKey());

        Map<String, Object> open = get("/api/ledger/problems?department=security&overdue=true", Map.class).getBody();
        assertThat((List<Map<String, Object>>) open.get("items")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("number", overdue.getBusinessKey()).containsEntry("overdue", true)
                        .containsEntry("departmentName", "安全保卫科").containsEntry("status", "REGISTERED"));

        Map<String, Object> closed = get("/api/ledger/problems?department=security&status=CLOSED&q=门岗", Map.class).getBody();
        assertThat((List<Map<String, Object>>) closed.get("items")).extracting(i -> i.get("number"))
                .containsExactly(late.getBusinessKey());

        // a ledger number, typed in lower case, finds its problem
        Map<String, Object> byNumber = get("/api/ledger/problems?q=" + overdue.getBusinessKey().toLowerCase(), Map.class).getBody();
        assertThat((List<Map<String, Object>>) byNumber.get("items")).extracting(i -> i.get("number"))
                .containsExactly(overdue.getBusinessKey());
    }

    @Test
    void oneProblemComesWithItsTimeline() {
        Map<String, Object> detail = get("/api/ledger/problems/" + onTime.getBusinessKey(), Map.class).getBody();
        assertThat((Map<String, Object>) detail.get("problem")).containsEntry("closedOnTime", true);
        assertThat((List<Map<String, Object>>) detail.get("timeline")).extracting(e -> e.get("type"))
                .contains("REPORTED", "REGISTERED", "CLOSED");
        assertThat((List<Map<String, Object>>) detail.get("timeline")).extracting(e -> e.get("actor"))
                .contains("wangfang", "guoqiang", "linna", "zhoumin");
        assertThat((List<Map<String, Object>>) detail.get("steps")).extracting(e -> e.get("name"))
                .containsSubsequence("发现问题", "登记问题", "签收认领问题", "制定整改方案", "核查整改情况", "审核销号并答复");
    }

    @Test
    void aMergedReportPointsToTheProblemThatCarriesOnAndThatProblemListsIt() {
        ProcessInstance original = report("public", "机关食堂售卖的盒饭多次出现异物，反映后无人答复");
        complete(original, REGISTER_PROBLEM, "wangfang", Map.of(REGISTRATION_DECISION, "accept", CATEGORY, "serviceQuality",
                SEVERITY, "serious", RESPONSIBLE_DEPARTMENT, "canteen", RESPONSIBLE_PERSON, "刘强"));
        ProcessInstance duplicate = report("public", "机关食堂卖的盒饭里多次吃出异物，反映以后也没人答复");
        complete(duplicate, REGISTER_PROBLEM, "wangfang", Map.of(REGISTRATION_DECISION, "merge", MERGE_TARGET, original.getBusinessKey()));

        Map<String, Object> merged = get("/api/ledger/problems/" + duplicate.getBusinessKey(), Map.class).getBody();
        assertThat((Map<String, Object>) merged.get("problem")).containsEntry("status", "MERGED")
                .containsEntry("mergedInto", original.getBusinessKey()).containsEntry("departmentName", "机关食堂");
        assertThat((List<Map<String, Object>>) merged.get("timeline")).extracting(e -> e.get("type")).contains("MERGED_INTO");
        assertThat((List<Map<String, Object>>) merged.get("steps")).extracting(e -> e.get("name")).contains("问题已合并");

        Map<String, Object> survivor = get("/api/ledger/problems/" + original.getBusinessKey(), Map.class).getBody();
        assertThat((List<String>) survivor.get("mergedReports")).containsExactly(duplicate.getBusinessKey());
        assertThat((Map<String, Object>) survivor.get("problem")).containsEntry("mergedInto", null);
        assertThat((List<Map<String, Object>>) survivor.get("timeline")).extracting(e -> e.get("type")).contains("DUPLICATE_MERGED");

        Map<String, Object> list = get("/api/ledger/problems?department=canteen&status=MERGED&q=" + duplicate.getBusinessKey().toLowerCase(),
                Map.class).getBody();
        assertThat((List<Map<String, Object>>) list.get("items")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("mergedInto", original.getBusinessKey()));
        String csv = new String(get("/api/ledger/problems.csv?status=MERGED&q=" + duplicate.getBusinessKey().toLowerCase(),
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).endsWith(",反弹自,合并至"))
                .satisfies(lines -> assertThat(lines.get(1)).startsWith(duplicate.getBusinessKey() + ",已合并,已办结")
                        .endsWith("," + original.getBusinessKey()));
    }

    @Test
    void badParametersAreNamedAnd404HasTheSameShape() {
        assertBadParameter("/api/ledger/problems?department=finance", "department");
        assertBadParameter("/api/ledger/problems?status=LOST", "status");
        assertBadParameter("/api/ledger/problems?channel=pigeon", "channel");
        assertBadParameter("/api/ledger/problems?registeredFrom=2026-13-01", "registeredFrom");
        assertBadParameter("/api/ledger/problems?size=500", "size");
        assertBadParameter("/api/ledger/problems?sort=salary,desc", "sort");
        assertBadParameter("/api/ledger/problems?colour=red", "colour");
        assertBadParameter("/api/ledger/problems.csv?overdue=maybe", "overdue");
        assertBadParameter("/api/ledger/rates?month=March", "month");

        ResponseEntity<Map> missing = get("/api/ledger/problems/ZF-2026-999999", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("status", 404).containsKey("message");
    }

    @Test
    void exportsCarryChineseHeadersAndReadableValues() throws Exception {
        String csv = new String(get("/api/ledger/problems.csv?department=security&sort=number,asc", byte[].class).getBody(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\ufeff台账编号,状态,环节");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(onTime.getBusinessKey() + ",已销号,待回头看").contains("安全保卫科", "服务态度");

        byte[] xlsx = get("/api/ledger/problems.xlsx?department=security&sort=number,asc", byte[].class).getBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("问题台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("台账编号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(onTime.getBusinessKey());
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("整改中");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void ledgerApiNeedsCredentials() {
        assertThat(rest.getForEntity("/api/ledger/problems", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertBadParameter(String url, String parameter) {
        ResponseEntity<Map> response = get(url, Map.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(url).containsEntry("status", 400).containsEntry("parameter", parameter)
                .containsKey("message");
    }

    private <T> ResponseEntity<T> get(String url, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhoumin", DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private ProcessInstance registered(String description) {
        ProcessInstance instance = report("public", description);
        complete(instance, REGISTER_PROBLEM, "wangfang", Map.of(REGISTRATION_DECISION, "accept", CATEGORY, "attitude",
                SEVERITY, "general", RESPONSIBLE_DEPARTMENT, "security", RESPONSIBLE_PERSON, "郭强"));
        complete(instance, CLAIM_RESPONSIBILITY, "guoqiang", Map.of(CLAIM_DECISION, "accept"));
        complete(instance, PLAN_RECTIFICATION, "linna", Map.of(RECTIFICATION_PLAN, "简化来访登记手续，开展文明接待培训"));
        return instance;
    }

    private void close(ProcessInstance instance) {
        complete(instance, IMPLEMENT_RECTIFICATION, "linna", Map.of(PROGRESS_ACTION, "completed", PROGRESS_REPORT, "已整改"));
        complete(instance, VERIFY_RECTIFICATION, "wangfang", Map.of(VERIFICATION_DECISION, "pass", VERIFICATION_FINDINGS, "属实"));
        complete(instance, EVALUATE_SATISFACTION, "zhoumin", Map.of(INTERNAL_SATISFACTION, 90, RECIPIENT_SATISFACTION, 90,
                EVALUATION_NOTE, "测评"));
        complete(instance, CLOSE_PROBLEM, "zhoumin", Map.of(OFFICIAL_REPLY, "已整改完毕，感谢监督。"));
    }
}
