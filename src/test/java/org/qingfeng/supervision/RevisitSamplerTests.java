package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RevisitSamplerTests {

    private static final Function<String, RevisitSampler.Rule> RULES = category -> Map.of(
            "integrity", new RevisitSampler.Rule(true, 0.3),
            "attitude", new RevisitSampler.Rule(false, 0.3),
            "rare", new RevisitSampler.Rule(false, 0.05),
            "often", new RevisitSampler.Rule(false, 0.9),
            "never", new RevisitSampler.Rule(false, 0)).get(category);

    @Test
    void everyEasyToReboundProblemAndARoundedShareOfTheOthersPerDepartment() {
        List<RevisitSampler.Candidate> candidates = new ArrayList<>();
        candidates.add(candidate(1, "a", "integrity"));
        candidates.add(candidate(2, "a", "integrity"));
        for (int i = 3; i <= 7; i++) {
            candidates.add(candidate(i, "a", "attitude"));
        }
        // 5 × 30 % = 1.5 rounds half up to 2
        List<RevisitSampler.Pick> picks = RevisitSampler.sample("2026-H1", candidates, RULES);

        assertThat(picks).filteredOn(RevisitSampler.Pick::easyToRebound).extracting(RevisitSampler.Pick::problemId).containsExactly(1L, 2L);
        assertThat(picks).filteredOn(p -> !p.easyToRebound()).hasSize(2);
    }

    @Test
    void aDepartmentWithClosuresButNoEasyToReboundProblemGetsAtLeastOne() {
        List<RevisitSampler.Pick> picks = RevisitSampler.sample("2026-H1",
                List.of(candidate(1, "a", "attitude"), candidate(2, "b", "integrity"), candidate(3, "b", "attitude")), RULES);

        // a: 0.3 rounds to 0, raised to 1; b: its easy-to-rebound problem represents it, 0.3 stays 0
        assertThat(picks).extracting(RevisitSampler.Pick::problemId).containsExactly(1L, 2L);
    }

    @Test
    void aCategoryWithNoShareIsNeverDrawn() {
        assertThat(RevisitSampler.sample("2026-H1", List.of(candidate(1, "a", "never")), RULES)).isEmpty();
    }

    @Test
    void theSameHalfYearDrawsTheSameSampleAndAnotherHalfYearDrawsAnother() {
        List<RevisitSampler.Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            candidates.add(candidate(i, "a", "attitude"));
        }
        List<RevisitSampler.Pick> first = RevisitSampler.sample("2026-H1", candidates, RULES);
        assertThat(first).hasSize(12);
        List<RevisitSampler.Candidate> reversed = new ArrayList<>(candidates);
        Collections.reverse(reversed);
        assertThat(RevisitSampler.sample("2026-H1", reversed, RULES))
                .containsExactlyInAnyOrderElementsOf(first);
        assertThat(RevisitSampler.sample("2026-H2", candidates, RULES)).isNotEqualTo(first);
    }

    @Test
    void categoriesWithALargerShareAreDrawnMoreOften() {
        List<RevisitSampler.Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            candidates.add(candidate(i, "a", i % 2 == 0 ? "often" : "rare"));
        }
        // 100 × 0.9 + 100 × 0.05 = 95 drawn, weighted 18 : 1
        List<RevisitSampler.Pick> picks = RevisitSampler.sample("2025-H2", candidates, RULES);
        assertThat(picks).hasSize(95);
        long often = picks.stream().filter(p -> p.problemId() % 2 == 0).count();
        assertThat(often).isGreaterThan(80);
    }

    @Test
    void halfYearsAreWrittenAsYearAndHalf() {
        HalfYear h1 = HalfYear.parse("2026-h1").orElseThrow();
        assertThat(h1.key()).isEqualTo("2026-H1");
        assertThat(h1.label()).isEqualTo("2026年上半年");
        assertThat(h1.firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(h1.previous()).isEqualTo(new HalfYear(2025, 2));
        assertThat(HalfYear.containing(LocalDate.of(2026, 7, 1)).previous()).isEqualTo(h1);
        assertThat(HalfYear.parse("2026-H3")).isEmpty();
        assertThat(HalfYear.parse("2026年上半年")).isEmpty();
    }

    private static RevisitSampler.Candidate candidate(long id, String department, String category) {
        return new RevisitSampler.Candidate(id, "ZF-2026-%06d".formatted(id), department, category);
    }
}
