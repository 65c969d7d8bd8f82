package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.qingfeng.intake.DuplicateCandidates.Candidate;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which open problems a new report is offered to be merged into. The texts are about 会务中心's meeting rooms and
 * the 设施维修科's lifts, which no other test writes about, so the candidates are the problems made here.
 */
class DuplicateCandidatesTest extends ProcessTestSupport {

    private static final String ROOM_DOUBLE_BOOKED = "会议室预订系统显示空闲，到场后却被告知已被占用，白跑一趟";
    private static final String ROOM_DOUBLE_BOOKED_AGAIN = "会议室在预订系统里显示空闲，到了现场却说已经被占用了";

    @Autowired
    DuplicateCandidates duplicates;

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
    void excerptsAreShort() {
        String longText = "一".repeat(DuplicateCandidates.EXCERPT_LENGTH + 10);
        assertThat(DuplicateCandidates.excerpt(longText)).hasSize(DuplicateCandidates.EXCERPT_LENGTH + 1).endsWith("…");
        assertThat(DuplicateCandidates.excerpt("短")).isEqualTo("短");
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
