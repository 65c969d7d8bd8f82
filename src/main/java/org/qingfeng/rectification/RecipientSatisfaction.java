package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.RECIPIENT_RESPONDENTS;
import static org.qingfeng.rectification.ProblemLifecycle.Variables.RECIPIENT_SATISFACTION;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.intake.PublicRatings;
import org.qingfeng.intake.PublicRatings.Tally;
import org.springframework.stereotype.Component;

/**
 * The service recipients' side of 满意度测评 (双满意度): the evaluator's survey of service recipients and 群众评议, the
 * ratings the public gave the department's closed problems, as one rate that the satisfaction-evaluation decision
 * compares with its threshold.
 * <ul>
 * <li>Counted: the ratings given in {@link SatisfactionSettings#publicRatingsWindow()} before the evaluation opened,
 * of problems the department handled ({@link PublicRatings}). The figures are taken when the task opens and again,
 * for the same moment, when it completes, so the form shows exactly what the rule uses.</li>
 * <li>Survey and ratings: one person, one voice. The rate is the satisfied share of all who gave a view,
 * (survey rate × respondents + satisfied ratings × 100) ÷ (respondents + ratings).</li>
 * <li>Survey only, when no rating is counted: the survey rate, as before ratings counted.</li>
 * <li>No survey: the ratings' satisfied share, if there are at least {@link SatisfactionSettings#publicRatingsAlone()};
 * with fewer, the survey is required, as before.</li>
 * </ul>
 * Every rate is cut, not rounded, to one decimal, so the figure shown is the figure compared: 84.96 is 84.9.
 */
@Component
public class RecipientSatisfaction {

    /** What the service recipients' rate rests on. */
    public enum Basis {
        /** The problem came from inside: only staff satisfaction is evaluated. */
        INTERNAL,
        /** The evaluator's survey; no rating was counted. */
        SURVEY,
        /** The survey and the ratings, one person one voice. */
        POOLED,
        /** No survey: enough ratings decide alone. */
        PUBLIC_RATINGS
    }

    /** The evaluator's survey of service recipients: satisfaction in percent and how many answered; either may be absent. */
    public record Survey(BigDecimal rate, Integer respondents) {
    }

    /** The ratings counted for an evaluation that opened at {@code to}: given in [from, to). */
    public record Counted(Date from, Date to, Tally tally) {
    }

    /** The rate the decision compares (null for {@link Basis#INTERNAL}) and how it came about, in words. */
    public record Assessment(Basis basis, BigDecimal rate, String explanation) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PublicRatings ratings;
    private final SatisfactionSettings settings;
    private final BusinessClock clock;

    public RecipientSatisfaction(PublicRatings ratings, SatisfactionSettings settings, BusinessClock clock) {
        this.ratings = ratings;
        this.settings = settings;
        this.clock = clock;
    }

    /** A satisfaction rate in percent, cut to one decimal. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.DOWN);
    }

    public int publicRatingsAlone() {
        return settings.publicRatingsAlone();
    }

    /** The ratings that count for {@code departmentId} in an evaluation opened at {@code opened}. */
    public Counted counted(String departmentId, Date opened) {
        Date from = Date.from(opened.toInstant().atZone(clock.zone()).minus(settings.publicRatingsWindow()).toInstant());
        return new Counted(from, opened, ratings.tally(departmentId, from, opened));
    }

    /**
     * The service recipients' rate for a problem from outside ({@code external}) or inside.
     *
     * @throws InvalidInputException when the survey is missing and too few ratings can stand in for it, or when the
     *                               survey's respondents are missing though ratings are to be pooled with it
     */
    public Assessment assess(boolean external, Survey survey, Counted counted, Number internal) {
        String staff = "内部干部职工满意度" + plain(internal) + "%；";
        if (!external) {
            return new Assessment(Basis.INTERNAL, null, staff + "本问题来自内部，不评定服务对象满意度，群众评议不计入本次评定。");
        }
        Tally tally = counted.tally();
        String window = window(counted);
        if (survey.rate() == null) {
            if (tally.ratings() < settings.publicRatingsAlone()) {
                throw new InvalidInputException(RECIPIENT_SATISFACTION, "请填写「服务对象测评满意度（%）」：" + window
                        + "本科室群众评议" + tally.ratings() + "条，不足" + settings.publicRatingsAlone() + "条，不能代替服务对象测评");
            }
            BigDecimal rate = tally.satisfiedPercent();
            return new Assessment(Basis.PUBLIC_RATINGS, rate, staff + "服务对象满意度" + plain(rate) + "%：未另行测评，以" + window
                    + "群众评议" + tally.ratings() + "条（满意" + tally.satisfied() + "条）的满意率为准。");
        }
        if (tally.ratings() == 0) {
            BigDecimal rate = survey.rate().setScale(1, RoundingMode.DOWN);
            return new Assessment(Basis.SURVEY, rate, staff + "服务对象满意度" + plain(rate) + "%：按服务对象测评（" + window
                    + "本科室无群众评议可计入）。");
        }
        Integer respondents = survey.respondents();
        if (respondents == null) {
            throw new InvalidInputException(RECIPIENT_RESPONDENTS, "请填写「服务对象测评参评人数」：已计入群众评议" + tally.ratings()
                    + "条，须与测评按人数合并计算服务对象满意度");
        }
        BigDecimal satisfiedVoices = survey.rate().multiply(BigDecimal.valueOf(respondents))
                .add(BigDecimal.valueOf(tally.satisfied()).multiply(HUNDRED));
        long voices = respondents + tally.ratings();
        BigDecimal rate = satisfiedVoices.divide(BigDecimal.valueOf(voices), 1, RoundingMode.DOWN);
        return new Assessment(Basis.POOLED, rate, staff + "服务对象综合满意度" + plain(rate) + "%：服务对象测评" + respondents
                + "人、满意度" + plain(survey.rate()) + "%，与" + window + "群众评议" + tally.ratings() + "条（满意"
                + tally.satisfied() + "条，满意率" + plain(tally.satisfiedPercent()) + "%）按人数合并，（"
                + plain(survey.rate()) + "×" + respondents + "＋" + tally.satisfied() + "×100）÷（" + respondents + "＋"
                + tally.ratings() + "）＝" + plain(rate) + "。");
    }

    /** What the evaluation form tells the evaluator when it opens: the ratings counted and how they will count. */
    public String shown(boolean external, Counted counted) {
        Tally tally = counted.tally();
        String window = window(counted);
        String own = "本问题举报人的评价在销号后作出，将计入本科室此后的满意度测评。";
        if (!external) {
            return "本问题来自内部，只评定内部干部职工满意度，群众评议不计入本次评定。" + (tally.ratings() == 0 ? ""
                    : "（供参考：" + window + "本科室举报人评价" + tally.ratings() + "条，满意率" + plain(tally.satisfiedPercent()) + "%。）");
        }
        if (tally.ratings() == 0) {
            return window + "本科室已办结问题暂无举报人评价，服务对象满意度按测评填写。" + own;
        }
        boolean alone = tally.ratings() >= settings.publicRatingsAlone();
        return window + "本科室已办结问题的举报人评价计入服务对象满意度：共" + tally.ratings() + "条，满意（4–5分）" + tally.satisfied()
                + "条，基本满意（3分，计入条数、不计满意）" + tally.basic() + "条，不满意（1–2分）" + tally.dissatisfied() + "条，满意率"
                + plain(tally.satisfiedPercent()) + "%。合并办理的重复件，其举报人的评价各计一次，计入承办科室。" + own
                + "\n填写服务对象测评满意度和参评人数的，按人数合并：综合满意度＝（测评满意度×参评人数＋满意条数×100）÷（参评人数＋评价条数）。"
                + (alone ? "不填测评满意度的，以上述群众评议满意率为准。"
                        : "群众评议不足" + settings.publicRatingsAlone() + "条，须填写测评满意度。")
                + "满意度保留一位小数，不四舍五入。";
    }

    /** "近6个月（2025年9月2日起）". */
    private String window(Counted counted) {
        ZonedDateTime from = counted.from().toInstant().atZone(clock.zone());
        return "近" + describe(settings.publicRatingsWindow()) + "（" + from.getYear() + "年" + from.getMonthValue() + "月"
                + from.getDayOfMonth() + "日起）";
    }

    private static String describe(Period period) {
        StringBuilder text = new StringBuilder();
        if (period.getYears() > 0) {
            text.append(period.getYears()).append("年");
        }
        if (period.getMonths() > 0) {
            text.append(period.getMonths()).append("个月");
        }
        if (period.getDays() > 0) {
            text.append(period.getDays()).append("天");
        }
        return text.toString();
    }

    /** 90, 83.3: a rate as people write it. */
    static String plain(Object number) {
        if (number == null) {
            return "—";
        }
        BigDecimal value = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        return value.stripTrailingZeros().toPlainString();
    }
}
