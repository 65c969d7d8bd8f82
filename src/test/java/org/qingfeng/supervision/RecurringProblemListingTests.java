package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecurringProblemListingTests {

    @Test
    void manyLongProblemsStayWithinAStringVariable() {
        List<RectificationGroupProposals.Recurring> recurring = LongStream.rangeClosed(1, 120)
                .mapToObj(i -> new RectificationGroupProposals.Recurring(i, "ZF-2026-%06d".formatted(i), "窗口服务态度生硬".repeat(30)))
                .toList();

        String listing = RecurringProblemWatch.listing(recurring);

        assertThat(listing.length()).isLessThan(4000);
        assertThat(listing).startsWith("ZF-2026-000001 ").contains("ZF-2026-000030 ").doesNotContain("ZF-2026-000031")
                .endsWith("……另有 90 件，见台账「专项整改小组」清单");
    }

    @Test
    void aFewProblemsAreListedInFull() {
        List<RectificationGroupProposals.Recurring> recurring = List.of(
                new RectificationGroupProposals.Recurring(1, "ZF-2026-000001", "食堂饭菜分量不足"),
                new RectificationGroupProposals.Recurring(2, "ZF-2026-000002", "食堂饭菜价格偏高"));

        assertThat(RecurringProblemWatch.listing(recurring)).isEqualTo("ZF-2026-000001 食堂饭菜分量不足\nZF-2026-000002 食堂饭菜价格偏高");
    }
}
