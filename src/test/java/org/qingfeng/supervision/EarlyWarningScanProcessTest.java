package org.qingfeng.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qingfeng.supervision.IntegrityReminder.Elements.*;
import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ledger.NewReport;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.supervision.ComplaintStatistics.ComplaintCounts;
import org.qingfeng.supervision.IntegrityLetter.Origin;
import org.qingfeng.supervision.IntegrityLetter.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * processes/early-warning-scan.bpmn: the working-day scan flags departments by the early-warning table and starts
 * their letters, once. Each test has its own department and months (see {@link IntegrityLetterTestSupport}).
 */
class EarlyWarningScanProcessTest extends IntegrityLetterTestSupport {

    @Autowired
    ComplaintStatistics statistics;

    @Test
    void threeComplaintsWithinTheWindowRaiseALetter() {
        long first = complaint("maintenance", LocalDateTime.of(2026, 6, 8, 10, 0));
        complaint("maintenance", LocalDateTime.of(2026, 6, 10, 15, 0));
        // a rebound is a complaint of its own
        ProblemLedger.Numbered rebound = ledger.report(new NewReport("revisit", "staff", false, "维修响应慢再次出现", null, null,
                "wangfang", at(LocalDateTime.of(2026, 6, 12, 9, 30)), first));
        ledger.register(rebound.id(), "efficiency", "general", "maintenance", "负责人", null, null);

        String scan = scanAt(LocalDateTime.of(2026, 6, 15, 9, 0));

        IntegrityLetter letter = letter("LJ-2026-06-maintenance");
        assertThat(letter.origin()).isEqualTo(Origin.SCAN);
        assertThat(letter.status()).isEqualTo(Status.DRAFTING);
        assertThat(letter.complaintsInWindow()).isEqualTo(3);
        assertThat(letter.reason()).isEqualTo("近30日内连续被投诉3次");
        assertThat(letter.raisedBy()).isEqualTo("system");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(letter.number()).singleResult();
        assertThat(instance).isWaitingAt(DRAFT_LETTER).task().hasCandidateGroup("disciplineInspection");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), LETTER_TEXT))
                .contains("近30日内3次").contains("近30日内连续被投诉3次").contains("局纪检监察");
        assertThat(events(letter)).containsExactly(IntegrityLetters.EventType.RAISED);
        // the scan itself has ended, having started the letter
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(scan).singleResult()
                .getEndTime()).isNotNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(scan)
                .activityId(EarlyWarningScan.Elements.START_LETTER).list()).isNotEmpty();
        // each department's figures and verdict stay with its own assessment
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(scan)
                .variableName(EarlyWarningScan.Variables.EARLY_WARNING).count())
                .isEqualTo(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(scan)
                        .activityId(EarlyWarningScan.Elements.ASSESS_WARNING).count()).isGreaterThan(1);
    }

    @Test
    void aThirtyPercentRiseOverTheLastTwoCompleteMonthsRaisesALetter() {
        // July 3, August 4: nothing in the 30 days before the scan, but +33 % month on month
        complaint("conference", LocalDateTime.of(2026, 7, 6, 10, 0));
        complaint("conference", LocalDateTime.of(2026, 7, 7, 10, 0));
        complaint("conference", LocalDateTime.of(2026, 7, 8, 10, 0));
        // early on 1 August in Beijing time is still 31 July in UTC: months are counted in the organisation's zone
        complaint("conference", LocalDateTime.of(2026, 8, 1, 7, 0));
        complaint("conference", LocalDateTime.of(2026, 8, 3, 10, 0));
        complaint("conference", LocalDateTime.of(2026, 8, 4, 10, 0));
        complaint("conference", LocalDateTime.of(2026, 8, 5, 10, 0));

        scanAt(LocalDateTime.of(2026, 9, 7, 9, 0));

        IntegrityLetter letter = letter("LJ-2026-09-conference");
        assertThat(letter.complaintsInWindow()).isZero();
        assertThat(letter.complaintsLatestMonth()).isEqualTo(4);
        assertThat(letter.complaintsPreviousMonth()).isEqualTo(3);
        assertThat(letter.risePercent()).isEqualTo(33.3);
        assertThat(letter.reason()).isEqualTo("2026年8月投诉量环比上升33%（2026年7月3次，2026年8月4次）");
    }

    @Test
    void belowBothThresholdsNoLetterIsRaised() {
        // September 1, October 2: +100 %, but from a base below 3
        complaint("officeSpace", LocalDateTime.of(2026, 9, 14, 10, 0));
        complaint("officeSpace", LocalDateTime.of(2026, 10, 12, 10, 0));
        complaint("officeSpace", LocalDateTime.of(2026, 10, 13, 10, 0));
        // two complaints in the window; a rejected report does not count
        complaint("officeSpace", LocalDateTime.of(2026, 11, 9, 10, 0));
        complaint("officeSpace", LocalDateTime.of(2026, 11, 10, 10, 0));
        long rejected = complaint("officeSpace", LocalDateTime.of(2026, 11, 11, 10, 0));
        ledger.reject(rejected, "duplicate");

        String scan = scanAt(LocalDateTime.of(2026, 11, 16, 9, 0));

        assertThat(letters.list("officeSpace", null)).isEmpty();
        ComplaintCounts counts = statistics.of("officeSpace");
        assertThat(counts.inWindow()).isEqualTo(2);
        assertThat(counts.latestMonthCount()).isEqualTo(2);
        assertThat(counts.previousMonthCount()).isEqualTo(1);
        assertThat(counts.risePercent()).isEqualTo(100.0);
        List<HistoricActivityInstance> noWarning = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(scan).activityId(EarlyWarningScan.Elements.NO_WARNING).list();
        assertThat(noWarning).isNotEmpty();
    }

    @Test
    void aDepartmentIsNotWarnedTwiceForTheSameComplaints() {
        complaint("procurement", LocalDateTime.of(2026, 12, 1, 10, 0));
        complaint("procurement", LocalDateTime.of(2026, 12, 2, 10, 0));
        complaint("procurement", LocalDateTime.of(2026, 12, 3, 10, 0));
        scanAt(LocalDateTime.of(2026, 12, 7, 9, 0));
        IntegrityLetter first = letter("LJ-2026-12-procurement");

        // the next day the letter is still open
        scanAt(LocalDateTime.of(2026, 12, 8, 9, 0));
        assertThat(letters.list("procurement", null)).hasSize(1);

        // closed (here: not sent), but raised within the window and this month
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(first.number()).singleResult();
        completeAs(instance, DRAFT_LETTER, DISCIPLINE_INSPECTOR, Map.of(SEND_DECISION, "cancel", CANCEL_REASON, "经核实系同一事项重复反映"));
        assertThat(letter(first.number()).status()).isEqualTo(Status.CANCELLED);
        scanAt(LocalDateTime.of(2026, 12, 9, 9, 0));
        assertThat(letters.list("procurement", null)).hasSize(1);

        // neither node can add a second letter for the month: the ledger's unique key refuses it
        assertThatThrownBy(() -> letters.raise(new IntegrityLetters.NewLetter("procurement", "2026-12", Origin.MANUAL, "重复",
                statistics.of("procurement"), DISCIPLINE_INSPECTOR, null))).isInstanceOf(DuplicateKeyException.class);

        // a month later the old complaints are out of the window; new ones raise a new letter
        complaint("procurement", LocalDateTime.of(2027, 1, 4, 10, 0));
        complaint("procurement", LocalDateTime.of(2027, 1, 5, 10, 0));
        complaint("procurement", LocalDateTime.of(2027, 1, 6, 10, 0));
        scanAt(LocalDateTime.of(2027, 1, 11, 9, 0));
        assertThat(letters.list("procurement", null)).extracting(IntegrityLetter::number)
                .containsExactly("LJ-2027-01-procurement", "LJ-2026-12-procurement");
    }

    @Test
    void theScanRunsEveryWorkingDayAtNineAndSkipsHolidays() {
        String fired = scanTimer().getId();
        scanAt(LocalDateTime.of(2026, 9, 30, 9, 0));
        Job next = scanTimer();
        assertThat(next.getId()).isNotEqualTo(fired);
        // 国庆: the last working day of September is followed by 8 October
        assertThat(next.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 8, 9, 0)));

        scanAt(LocalDateTime.of(2026, 10, 9, 9, 0));
        // Saturday 10 October is a make-up working day (调休), Sunday the 11th is not
        assertThat(scanTimer().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 10, 9, 0)));
        scanAt(LocalDateTime.of(2026, 10, 10, 9, 0));
        assertThat(scanTimer().getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 12, 9, 0)));
    }
}
