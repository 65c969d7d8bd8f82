package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.identity.DemoOrganisation;
import org.qingfeng.intake.DuplicateCandidates.Candidate;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Which open problems a new report is offered to be merged into, in the register form and over the API. The texts
 * (meeting rooms, lifts, projectors, office space, purchasing) are written by no other test, so the candidates are
 * the problems made here.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class DuplicateCandidatesTest extends ProcessTestSupport {

    private static final String ROOM_DOUBLE_BOOKED = "会议室预订系统显示空闲，到场后却被告知已被占用，白跑一趟";
    private static final String ROOM_DOUBLE_BOOKED_AGAIN = "会议室在预订系统里显示空闲，到了现场却说已经被占用了";

    @Autowired
    DuplicateCandidates duplicates;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theSameComplaintOfTheSameDepartmentIsOfferedWithItsScore() {
        long registered = registered("conference", ROOM_DOUBLE_BOOKED, LocalDateTime.of(2026, 2, 20, 10, 0));
        long awaitingRegistration = reported("会务中心", "预订系统显示会议室空闲，到场后被告知已被占用", LocalDateTime.of(2026, 2, 27, 10, 0));
        long otherMatter = registered("conference", "会务中心茶水供应不及时，会议开始半小时还没有茶水", LocalDateTime.of(2026, 2, 21, 10, 0));
        long newReport = reported("conference", ROOM_DOUBLE_BOOKED_AGAIN, LocalDateTime.of(2026, 3, 2, 8, 0));

        List<Candidate> candidates = duplicates.forProblem(newReport);

        assertThat(candidates).extracting(Candidate::id)
                .contains(registered, awaitingRegistration)
                .doesNotContain(otherMatter, newReport);
        Candidate best = candidates.stream().filter(c -> c.id() == registered).findFirst().orElseThrow();
        assertThat(best.number()).isEqualTo(ledger.find(registered).orElseThrow().number());
        assertThat(best.status()).isEqualTo(ProblemStatus.REGISTERED);
        assertThat(best.score()).isBetween(0.4, 1.0);
        assertThat(best.excerpt()).isEqualTo(ROOM_DOUBLE_BOOKED);
        assertThat(candidates).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void onlyOpenProblemsOfTheSameDepartmentWithinTheWindowAreOffered() {
        String lift = "三号楼电梯故障报修一周无人处理，职工只能爬楼";
        long otherDepartment = registered("vehicles", lift, LocalDateTime.of(2026, 2, 23, 10, 0));
        long tooOld = registered("maintenance", lift, LocalDateTime.of(2025, 11, 20, 10, 0));
        long closed = registered("maintenance", lift, LocalDateTime.of(2026, 2, 23, 10, 0));
        ledger.close(closed, "已修复", at(LocalDateTime.of(2026, 2, 26, 10, 0)), true);
        long rejected = reported("maintenance", lift, LocalDateTime.of(2026, 2, 24, 10, 0));
        ledger.reject(rejected, "duplicate");
        long open = registered("maintenance", lift, LocalDateTime.of(2026, 2, 25, 10, 0));
        long merged = reported("maintenance", lift, LocalDateTime.of(2026, 2, 26, 10, 0));
        ledger.merge(merged, open, "maintenance");
        long newReport = reported("设施维修科", "三号楼电梯坏了，报修一周了还是无人处理，职工只能爬楼梯上下班", LocalDateTime.of(2026, 3, 2, 8, 0));

        assertThat(duplicates.forProblem(newReport)).extracting(Candidate::id)
                .contains(open)
                .doesNotContain(otherDepartment, tooOld, closed, rejected, merged);
    }

    @Test
    void atMostFiveMostSimilarAreOffered() {
        for (int i = 0; i < 7; i++) {
            registered("conference", "多功能厅投影仪第" + i + "次故障，会议被迫中断，报修后迟迟无人处理", LocalDateTime.of(2026, 2, 10 + i, 10, 0));
        }
        long newReport = reported("conference", "多功能厅投影仪又故障了，会议被迫中断，报修后无人处理", LocalDateTime.of(2026, 3, 2, 8, 0));

        assertThat(duplicates.forProblem(newReport)).hasSize(5);
    }

    @Test
    void aReportNamingNoKnownDepartmentIsComparedWithEveryDepartment() {
        long registered = registered("officeSpace", "办公用房调配不公开，有的科室一人占用两间办公室", LocalDateTime.of(2026, 2, 25, 10, 0));
        long newReport = reported("不知道是哪个科室", "办公用房调配不公开，有科室一个人占两间办公室", LocalDateTime.of(2026, 3, 2, 8, 0));

        assertThat(duplicates.forProblem(newReport)).extracting(Candidate::id).contains(registered);
    }

    @Test
    void aRegistrarWhoSettlesOnAnotherDepartmentCanAskForItsCandidates() {
        long procurement = registered("procurement", "办公用品采购价格明显高于市场价，采购过程不公开", LocalDateTime.of(2026, 2, 25, 10, 0));
        long newReport = reported("conference", "采购的办公用品价格明显高于市场价，采购过程也不公开", LocalDateTime.of(2026, 3, 2, 8, 0));
        String number = ledger.find(newReport).orElseThrow().number();
        String procurementNumber = ledger.find(procurement).orElseThrow().number();
        assertThat(duplicates.forProblem(newReport)).extracting(Candidate::id).doesNotContain(procurement);

        List<Map<String, Object>> found = get("/api/intake/duplicates?number=" + number + "&department=procurement", List.class).getBody();

        assertThat(found).filteredOn(d -> procurementNumber.equals(d.get("number"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("stage", "登记").containsEntry("department", "物资采购科")
                        .containsKeys("excerpt", "score"));
        assertThat(get("/api/intake/duplicates?number=" + number, List.class).getBody())
                .extracting(d -> ((Map<String, Object>) d).get("number")).doesNotContain(procurementNumber);
    }

    @Test
    void theRegisterFormOffersTheMostSimilarOfOtherDepartmentsAfterThoseOfTheNamedDepartment() {
        String garage = "地下车库照明灯坏了大半，晚上取车看不清路，反映多次没人修";
        long ownClosest = registered("vehicles", "地下车库照明灯坏了大半，晚上取车看不清路，多次反映无人维修", LocalDateTime.of(2026, 3, 1, 10, 0));
        long ownFarther = registered("vehicles", "地下车库照明灯坏了，取车时看不清路", LocalDateTime.of(2026, 3, 1, 10, 5));
        // more alike than either of the named department's, yet offered after them
        long maintenance = registered("maintenance", "地下车库照明灯坏了大半，晚上取车看不清路，反映多次没人修理", LocalDateTime.of(2026, 3, 1, 10, 10));
        long namingSecurity = reported("安全保卫科", "地下车库的照明灯坏了大半，晚上取车看不清楚路", LocalDateTime.of(2026, 3, 1, 10, 15));
        long namingNone = reported(null, "地下车库照明灯坏了大半，夜里取车看不清路", LocalDateTime.of(2026, 3, 1, 10, 20));
        long fourthOther = registered("officeSpace", "地下车库照明灯坏了，看不清路", LocalDateTime.of(2026, 3, 1, 10, 25));
        long closed = registered("security", garage, LocalDateTime.of(2026, 3, 1, 10, 30));
        ledger.close(closed, "已修复", at(LocalDateTime.of(2026, 3, 1, 16, 0)), true);
        long merged = reported("conference", garage, LocalDateTime.of(2026, 3, 1, 10, 35));
        ledger.merge(merged, maintenance, "maintenance");
        long newReport = reported("车辆管理科", garage, LocalDateTime.of(2026, 3, 2, 8, 0));

        List<Candidate> offered = duplicates.forRegistration(newReport);

        assertThat(offered).extracting(Candidate::id)
                .containsExactly(ownClosest, ownFarther, maintenance, namingSecurity, namingNone)
                .doesNotContain(fourthOther, closed, merged, newReport);
        assertThat(offered).extracting(Candidate::department)
                .containsExactly("车辆管理科", "车辆管理科", "设施维修科", "安全保卫科", DuplicateCandidates.NO_DEPARTMENT);
        assertThat(offered.get(2).score()).isGreaterThan(offered.get(0).score());
        assertThat(offered).allSatisfy(c -> assertThat(c.score()).isGreaterThanOrEqualTo(0.4));
        // the API and forProblem still answer for one department
        assertThat(duplicates.forProblem(newReport)).extracting(Candidate::id).containsExactly(ownClosest, ownFarther);
    }

    @Test
    void aReportNamingNoDepartmentIsOfferedEveryDepartmentsWithTheirNames() {
        String heating = "图书资料室暖气片漏水，地面积水好几天，资料都泡湿了";
        long registered = registered("officeSpace", "图书资料室暖气片漏水，地面积水多日，资料被泡湿", LocalDateTime.of(2026, 3, 1, 11, 0));
        long awaiting = reported("maintenance", "图书资料室的暖气片漏水，地面积水好几天", LocalDateTime.of(2026, 3, 1, 11, 5));
        long closed = registered("maintenance", heating, LocalDateTime.of(2026, 3, 1, 11, 10));
        ledger.close(closed, "已修复", at(LocalDateTime.of(2026, 3, 1, 16, 0)), true);
        long newReport = reported(null, heating, LocalDateTime.of(2026, 3, 2, 8, 0));

        List<Candidate> offered = duplicates.forRegistration(newReport);

        assertThat(offered).extracting(Candidate::id).containsExactlyInAnyOrder(registered, awaiting)
                .doesNotContain(closed, newReport);
        assertThat(offered).filteredOn(c -> c.id() == registered).singleElement()
                .satisfies(c -> assertThat(c.department()).isEqualTo("办公用房科"));
        assertThat(offered).filteredOn(c -> c.id() == awaiting).singleElement()
                .satisfies(c -> assertThat(c.department()).isEqualTo("设施维修科"));
        assertThat(offered).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(offered).extracting(Candidate::id).isEqualTo(duplicates.forProblem(newReport).stream().map(Candidate::id).toList());
    }

    @Test
    void badDuplicateQueriesAreNamed() {
        long newReport = reported("conference", "会务中心会议室音响故障", LocalDateTime.of(2026, 3, 2, 8, 0));
        String number = ledger.find(newReport).orElseThrow().number();

        ResponseEntity<Map> noNumber = get("/api/intake/duplicates", Map.class);
        assertThat(noNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNumber.getBody()).containsEntry("parameter", "number");
        ResponseEntity<Map> noDepartment = get("/api/intake/duplicates?number=" + number + "&department=finance", Map.class);
        assertThat(noDepartment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDepartment.getBody()).containsEntry("parameter", "department");
        assertThat((String) noDepartment.getBody().get("message")).contains("科室不存在");
        assertThat(get("/api/intake/duplicates?number=ZF-2026-999999", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void excerptsAreShort() {
        String longText = "一".repeat(DuplicateCandidates.EXCERPT_LENGTH + 10);
        assertThat(DuplicateCandidates.excerpt(longText)).hasSize(DuplicateCandidates.EXCERPT_LENGTH + 1).endsWith("…");
        assertThat(DuplicateCandidates.excerpt("短")).isEqualTo("短");
    }

    @Test
    void aDepartmentSeesTheCandidatesOfItsOwnProblemsOnly() {
        long procurement = registered("procurement", "办公用品采购价格明显高于市场价，采购过程不公开", LocalDateTime.of(2026, 2, 25, 10, 0));
        long canteen = registered("canteen", "食堂窗口工作人员态度恶劣，对排队群众大声呵斥", LocalDateTime.of(2026, 2, 26, 10, 0));
        String procurementNumber = ledger.find(procurement).orElseThrow().number();
        String canteenNumber = ledger.find(canteen).orElseThrow().number();

        // 机关食堂 (huangli): another department's problem is not found, another department's candidates are refused
        assertThat(get("huangli", "/api/intake/duplicates?number=" + procurementNumber, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("huangli", "/api/intake/duplicates?number=" + canteenNumber + "&department=procurement", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("huangli", "/api/intake/duplicates?number=" + canteenNumber, List.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the work-style office searches any department
        assertThat(get("/api/intake/duplicates?number=" + canteenNumber + "&department=procurement", List.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private <T> ResponseEntity<T> get(String url, Class<T> type) {
        return get("wangfang", url, type);
    }

    private <T> ResponseEntity<T> get(String user, String url, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private long reported(String departmentHint, String description, LocalDateTime at) {
        ProblemLedger.Numbered problem = ledger.report(new NewReport("hotline", "public", true, description, null,
                departmentHint, "wangfang", at(at), null));
        return problem.id();
    }

    private long registered(String department, String description, LocalDateTime at) {
        long id = reported(null, description, at);
        ledger.register(id, "serviceQuality", "general", department, "负责人", null, null);
        return id;
    }
}
