package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.calendar.CalendarSettings;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.intake.PublicRatings.Tally;
import org.qingfeng.rectification.RecipientSatisfaction.Assessment;
import org.qingfeng.rectification.RecipientSatisfaction.Basis;
import org.qingfeng.rectification.RecipientSatisfaction.Counted;
import org.qingfeng.rectification.RecipientSatisfaction.Survey;

/** How the survey of service recipients and 群众评议 make one rate, as the evaluator and the department read it. */
class RecipientSatisfactionTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Date OPENED = Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZONE).toInstant());
    private static final Date WINDOW_START = Date.from(LocalDateTime.of(2025, 9, 2, 9, 0).atZone(ZONE).toInstant());

    private final RecipientSatisfaction satisfaction = new RecipientSatisfaction(null,
            new SatisfactionSettings(Period.ofMonths(6), 5), new BusinessClock(new CalendarSettings(ZONE, LocalTime.of(18, 0))));

    @Test
    void surveyAndRatingsCountOnePersonOneVoice() {
        // 90 % of 10 respondents are 9 satisfied people, 6 of 8 ratings are satisfied: 15 of 18
        Assessment assessment = assess(survey(90, 10), tally(8, 6, 1, 1));

        assertThat(assessment.basis()).isEqualTo(Basis.POOLED);
        assertThat(assessment.rate()).isEqualByComparingTo("83.3");
        assertThat(assessment.explanation()).isEqualTo("内部干部职工满意度92%；服务对象综合满意度83.3%：服务对象测评10人、满意度90%，"
                + "与近6个月（2025年9月2日起）群众评议8条（满意6条，满意率75%）按人数合并，（90×10＋6×100）÷（10＋8）＝83.3。");
    }

    @Test
    void ratesAreCutNotRoundedSoTheFigureShownIsTheFigureCompared() {
        // (82 × 12 + 8 × 100) ÷ (12 + 9) = 84.952…: 84.9, below the threshold, not a rounded-up 85.0
        assertThat(assess(survey(82, 12), tally(9, 8, 1, 0)).rate()).isEqualByComparingTo("84.9");
        // (90 × 10 + 8 × 100) ÷ 20 = 85 exactly: at the threshold
        assertThat(assess(survey(90, 10), tally(10, 8, 2, 0)).rate()).isEqualByComparingTo("85.0");
        assertThat(assess(survey(85, 18), tally(1, 1, 0, 0)).rate()).isEqualByComparingTo("85.7");
        assertThat(assess(new Survey(new BigDecimal("84.96"), 30), Tally.NONE).rate()).isEqualByComparingTo("84.9");
        assertThat(RecipientSatisfaction.percent(BigDecimal.valueOf(2), BigDecimal.valueOf(3))).isEqualByComparingTo("66.6");
        assertThat(tally(6, 5, 1, 0).satisfiedPercent()).isEqualByComparingTo("83.3");
    }

    @Test
    void withoutRatingsTheSurveyDecidesAsBeforeAndNeedsNoHeadcount() {
        Assessment assessment = assess(new Survey(BigDecimal.valueOf(88), null), Tally.NONE);

        assertThat(assessment.basis()).isEqualTo(Basis.SURVEY);
        assertThat(assessment.rate()).isEqualByComparingTo("88");
        assertThat(assessment.explanation()).contains("按服务对象测评").contains("无群众评议可计入");
    }

    @Test
    void withoutASurveyEnoughRatingsDecideAlone() {
        Assessment five = assess(new Survey(null, null), tally(5, 4, 1, 0));

        assertThat(five.basis()).isEqualTo(Basis.PUBLIC_RATINGS);
        assertThat(five.rate()).isEqualByComparingTo("80.0");
        assertThat(five.explanation()).contains("未另行测评，以近6个月（2025年9月2日起）群众评议5条（满意4条）的满意率为准");
        // basic satisfaction (3) counts as a rating, not as satisfied
        assertThat(assess(new Survey(null, null), tally(6, 6, 0, 0)).rate()).isEqualByComparingTo("100");
    }

    @Test
    void tooFewRatingsCannotStandInForTheSurvey() {
        assertThatThrownBy(() -> assess(new Survey(null, null), tally(4, 4, 0, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("服务对象测评满意度").hasMessageContaining("群众评议4条，不足5条");
        assertThatThrownBy(() -> assess(new Survey(null, null), Tally.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("群众评议0条");
    }

    @Test
    void ratingsArePooledOnlyWithASurveyThatSaysHowManyAnswered() {
        assertThatThrownBy(() -> assess(new Survey(BigDecimal.valueOf(90), null), tally(2, 1, 0, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("服务对象测评参评人数")
                .hasMessageContaining("已计入群众评议2条");
    }

    @Test
    void anInternalProblemIsJudgedOnStaffAloneWhateverThePublicSaid() {
        Assessment assessment = satisfaction.assess(false, new Survey(null, null), counted(tally(9, 1, 0, 8)), 88);

        assertThat(assessment.basis()).isEqualTo(Basis.INTERNAL);
        assertThat(assessment.rate()).isNull();
        assertThat(assessment.explanation()).isEqualTo("内部干部职工满意度88%；本问题来自内部，不评定服务对象满意度，群众评议不计入本次评定。");
    }

    @Test
    void theFormTellsWhatCountsAndThatTheReportersOwnRatingCountsLater() {
        String shown = satisfaction.shown(true, counted(tally(8, 6, 1, 1)));
        assertThat(shown).contains("近6个月（2025年9月2日起）本科室已办结问题的举报人评价计入服务对象满意度：共8条，满意（4–5分）6条，"
                + "基本满意（3分，计入条数、不计满意）1条，不满意（1–2分）1条，满意率75%")
                .contains("合并办理的重复件，其举报人的评价各计一次，计入承办科室")
                .contains("本问题举报人的评价在销号后作出，将计入本科室此后的满意度测评")
                .contains("不填测评满意度的，以上述群众评议满意率为准");
        assertThat(satisfaction.shown(true, counted(tally(3, 3, 0, 0)))).contains("群众评议不足5条，须填写测评满意度");
        assertThat(satisfaction.shown(true, counted(Tally.NONE))).contains("暂无举报人评价").contains("按测评填写");
        assertThat(satisfaction.shown(false, counted(tally(2, 1, 0, 1)))).startsWith("本问题来自内部").contains("供参考");
    }

    private Assessment assess(Survey survey, Tally tally) {
        return satisfaction.assess(true, survey, counted(tally), 92);
    }

    private static Counted counted(Tally tally) {
        return new Counted(WINDOW_START, OPENED, tally);
    }

    private static Survey survey(int rate, int respondents) {
        return new Survey(BigDecimal.valueOf(rate), respondents);
    }

    private static Tally tally(long ratings, long satisfied, long basic, long dissatisfied) {
        return new Tally(ratings, satisfied, basic, dissatisfied);
    }
}
