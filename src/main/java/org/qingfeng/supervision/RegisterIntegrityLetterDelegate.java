package org.qingfeng.supervision;

import static org.qingfeng.supervision.IntegrityReminder.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.DepartmentAccess;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.supervision.ComplaintStatistics.ComplaintCounts;
import org.qingfeng.supervision.IntegrityLetter.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * 登记提醒函: enters the letter in the ledger — refused while the department has an open letter or already had one
 * this month — takes its number as business key and prepares the draft from the text template.
 */
@Component("registerIntegrityLetter")
public class RegisterIntegrityLetterDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterIntegrityLetterDelegate.class);

    private final IntegrityLetters letters;
    private final ComplaintStatistics statistics;
    private final IntegrityLetterDocuments documents;
    private final Departments departments;
    private final BusinessClock clock;
    private final DepartmentAccess access;

    public RegisterIntegrityLetterDelegate(IntegrityLetters letters, ComplaintStatistics statistics,
            IntegrityLetterDocuments documents, Departments departments, BusinessClock clock, DepartmentAccess access) {
        this.letters = letters;
        this.statistics = statistics;
        this.documents = documents;
        this.departments = departments;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String departmentId = ProblemContext.string(execution, DEPARTMENT_ID);
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new InvalidInputException(DEPARTMENT_ID, "科室不存在：" + departmentId));
        String period = IntegrityLetters.periodKey(clock.now());
        letters.refusal(departmentId, period).ifPresent(refusal -> {
            throw new InvalidInputException(DEPARTMENT_ID, department.name() + "：" + refusal);
        });
        Origin origin = IntegrityReminder.Values.ORIGIN_SCAN.equals(execution.getVariable(WARNING_ORIGIN))
                ? Origin.SCAN : Origin.MANUAL;
        String raisedBy = origin == Origin.SCAN ? ProblemContext.SYSTEM : requestedBy(execution);
        String reason = ProblemContext.string(execution, WARNING_REASON);
        ComplaintCounts counts = statistics.of(departmentId);
        IntegrityLetters.NewLetter letter = new IntegrityLetters.NewLetter(departmentId, period, origin, reason, counts,
                raisedBy, execution.getProcessInstanceId());
        long id;
        try {
            id = letters.raise(letter);
        } catch (DuplicateKeyException raisedMeanwhile) {
            throw new InvalidInputException(DEPARTMENT_ID, department.name() + "：本月的廉洁提醒函刚由他人发起，不能重复发函");
        }
        letters.record(id, IntegrityLetters.EventType.RAISED, raisedBy, execution.getCurrentActivityId(),
                origin.label() + "；预警事由：" + reason + "；投诉情况：" + counts.summary());

        execution.setProcessBusinessKey(letter.number());
        execution.setVariable(LETTER_ID, id);
        execution.setVariable(LETTER_NUMBER, letter.number());
        execution.setVariable(DEPARTMENT_NAME, department.name());
        execution.setVariable(DEPARTMENT_HEAD_GROUP, department.headGroup());
        access.routeTo(execution.getProcessInstanceId(), department);
        execution.setVariable(SUPERVISING_LEADER_ID, department.supervisingLeaderId());
        execution.setVariable(COMPLAINT_SUMMARY, counts.summary());
        execution.setVariable(LETTER_DOCUMENT_PATH, IntegrityLetter.documentPath(id));
        execution.setVariable(LETTER_TEXT, documents.suggestedText(department.name(), reason, counts));
        LOG.info("integrity letter raised number={} origin={}", letter.number(), origin);
    }

    private static String requestedBy(DelegateExecution execution) {
        String initiator = ProblemContext.string(execution, LETTER_REQUESTED_BY);
        return initiator != null ? initiator : ProblemContext.actor(execution);
    }
}
