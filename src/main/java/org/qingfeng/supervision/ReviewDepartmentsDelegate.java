package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.ledger.DepartmentRate;
import org.qingfeng.ledger.MonthlyRates;
import org.qingfeng.supervision.SupervisionRecords.DepartmentReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 月度台账审核: freezes the month's department figures, holds each department's rectification rate against the
 * review-threshold table, counts consecutive failures, and names the departments to be interviewed — those that
 * failed and have not yet had their interview for this month, so a month reviewed twice never interviews twice.
 */
@Component("reviewDepartments")
public class ReviewDepartmentsDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDepartmentsDelegate.class);

    private final MonthlyRates rates;
    private final SupervisionRecords records;
    private final ReviewThresholds thresholds;
    private final BusinessClock clock;

    public ReviewDepartmentsDelegate(MonthlyRates rates, SupervisionRecords records, ReviewThresholds thresholds,
                                     BusinessClock clock) {
        this.rates = rates;
        this.records = records;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean scheduled = Boolean.TRUE.equals(execution.getVariable(SCHEDULED));
        YearMonth month = month(execution.getVariable(REVIEW_MONTH));
        execution.setVariable(REVIEW_MONTH, month.toString());
        execution.setProcessBusinessKey("YDSH-" + month);
        boolean alreadyReviewed = records.reviewed(month);
        execution.setVariable(ALREADY_REVIEWED, alreadyReviewed && scheduled);
        if (alreadyReviewed && scheduled) {
            LOG.info("monthly review skipped month={}: already reviewed", month);
            return;
        }
        List<String> interviewed = records.departmentIdsWithInterview(month);
        List<String> failed = new ArrayList<>();
        List<String> failedText = new ArrayList<>();
        List<DepartmentRate> monthRates = rates.of(month);
        // the month before is read at most once, and only if a failing department has no review of it
        Map<String, DepartmentRate> previous = new HashMap<>();
        Supplier<Map<String, DepartmentRate>> previousRates = () -> {
            if (previous.isEmpty()) {
                rates.of(month.minusMonths(1)).forEach(r -> previous.put(r.departmentId(), r));
            }
            return previous;
        };
        for (DepartmentRate rate : monthRates) {
            DepartmentReview review = records.review(month, rate.departmentId())
                    .orElseGet(() -> review(month, rate, previousRates, execution.getProcessInstanceId()));
            if (!review.passed()) {
                failedText.add(rate.departmentName() + "（" + percent(review.rate()) + "，连续" + review.consecutiveFailures() + "次）");
                if (!interviewed.contains(rate.departmentId())) {
                    failed.add(rate.departmentId());
                }
            }
        }
        execution.setVariable(FAILED_DEPARTMENTS, Variables.objectValue(failed)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        String summary = month.getYear() + "年" + month.getMonthValue() + "月：" + monthRates.size() + " 个科室参与审核，"
                + (failedText.isEmpty() ? "整改率均达标" : "整改率未达标 " + failedText.size() + " 个：" + String.join("、", failedText));
        execution.setVariable(REVIEW_SUMMARY, summary);
        LOG.info("monthly review month={} departments={} failed={} interviews={}", month, monthRates.size(),
                failedText.size(), failed.size());
    }

    private DepartmentReview review(YearMonth month, DepartmentRate rate, Supplier<Map<String, DepartmentRate>> previousRates,
                                    String processInstanceId) {
        double threshold = threshold(rate.departmentId());
        boolean passed = passes(rate, threshold);
        int consecutive = passed ? 0 : 1 + failuresBefore(month, rate.departmentId(), threshold, previousRates);
        long id = records.insertReview(month, rate, threshold, passed, consecutive, processInstanceId);
        return new DepartmentReview(id, month.toString(), rate.departmentId(), rate.due(), rate.closed(),
                rate.rectificationRate(), threshold, passed, consecutive);
    }

    /** Consecutive failures up to the month before; a month never reviewed counts by its frozen figures. */
    private int failuresBefore(YearMonth month, String departmentId, double threshold,
                               Supplier<Map<String, DepartmentRate>> previousRates) {
        return records.review(month.minusMonths(1), departmentId)
                .map(r -> r.passed() ? 0 : r.consecutiveFailures())
                .orElseGet(() -> {
                    DepartmentRate before = previousRates.get().get(departmentId);
                    return before != null && !passes(before, threshold) ? 1 : 0;
                });
    }

    /** Whether a department's month passes its threshold; shared with the Cockpit dashboard. */
    public static boolean passes(DepartmentRate rate, double threshold) {
        // a department with nothing due in the month has nothing to fail
        return rate.rectificationRate() == null || rate.rectificationRate() >= threshold;
    }

    private double threshold(String departmentId) {
        return thresholds.of(departmentId);
    }

    private YearMonth month(Object given) {
        YearMonth current = YearMonth.from(clock.today());
        YearMonth month;
        try {
            month = YearMonth.parse(String.valueOf(given).trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(REVIEW_MONTH, "审核月份须写成 yyyy-MM，例如 " + current.minusMonths(1));
        }
        if (!month.isBefore(current)) {
            throw new InvalidInputException(REVIEW_MONTH, "只能审核已结束的月份（" + current.minusMonths(1) + " 及以前）");
        }
        return month;
    }

    static String percent(Double rate) {
        return rate == null ? "无到期问题" : String.format("%.1f%%", rate * 100);
    }
}
