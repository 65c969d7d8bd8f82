package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialSupervision.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.api.LedgerLabels;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * 下达专项督办单: checks that the order may be given — by whom, on which problem — and enters it in the ledger.
 * Anything wrong refuses the start as a whole: no instance, no ledger row, no timeline entry.
 */
@Component("orderSpecialSupervision")
public class OrderSpecialSupervisionListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSpecialSupervisionListener.class);

    private final SpecialSupervisions supervisions;
    private final SpecialSupervisionSettings settings;
    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;
    private final LedgerLabels labels;
    private final IdentityService identity;
    private final FormCatalog forms;

    public OrderSpecialSupervisionListener(SpecialSupervisions supervisions, SpecialSupervisionSettings settings,
            ProblemLedger ledger, Departments departments, Deadlines deadlines, LedgerLabels labels, IdentityService identity,
            FormCatalog forms) {
        this.forms = forms;
        this.supervisions = supervisions;
        this.settings = settings;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
        this.labels = labels;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String orderedBy = ProblemContext.actor(execution);
        checkOrderer(orderedBy);
        String number = ProblemContext.string(execution, PROBLEM_NUMBER).trim();
        SpecialSupervisions.Problem problem = supervisions.lockProblem(number)
                .orElseThrow(() -> new InvalidInputException(PROBLEM_NUMBER, "台账中没有编号为「" + number + "」的问题"));
        if (problem.status() != ProblemStatus.REGISTERED) {
            throw new InvalidInputException(PROBLEM_NUMBER, "问题 " + number + " 当前为「" + labels.status(problem.status())
                    + "」，只能对已登记、整改中的问题下达专项督办单");
        }
        supervisions.openOrderOn(problem.id()).ifPresent(open -> {
            throw alreadySupervised(number);
        });
        String cycle = cycle(ProblemContext.string(execution, REPORT_CYCLE));
        Object finalDeadlineValue = execution.getVariable(FINAL_DEADLINE);
        Date finalDeadline = finalDeadlineValue == null || finalDeadlineValue.toString().isBlank()
                ? null : deadlines.futureDeadline(FINAL_DEADLINE, "办结时限", finalDeadlineValue);
        Department department = departments.find(problem.departmentId())
                .orElseThrow(() -> new IllegalStateException("registered problem " + number + " has no department"));
        String requirements = ProblemContext.string(execution, REQUIREMENTS);

        long supervisionId;
        try {
            supervisionId = supervisions.order(problem.id(), execution.getProcessInstanceId(), orderedBy, requirements,
                    cycle, finalDeadline);
        } catch (DuplicateKeyException concurrentOrder) {
            throw alreadySupervised(number);
        }
        execution.setProcessBusinessKey(SpecialSupervision.businessKey(number));
        execution.setVariable(ORDERED_BY, orderedBy);
        execution.setVariable(SUPERVISION_ID, supervisionId);
        execution.setVariable(PROBLEM_ID, problem.id());
        execution.setVariable(PROBLEM_NUMBER, number);
        execution.setVariable(PROBLEM_DESCRIPTION, problem.description());
        execution.setVariable(REPORT_CYCLE, cycle);
        execution.setVariable(FINAL_DEADLINE_TEXT, finalDeadline == null ? "未设定" : deadlines.display(finalDeadline));
        execution.setVariable(REPORT_ROUND, 0);
        execution.setVariable(MISSED_COUNT, 0);
        ledger.record(problem.id(), EventType.SPECIAL_SUPERVISION_ORDERED, orderedBy, execution.getCurrentActivityId(),
                "下达重点问题专项督办单（" + department.name() + "，" + cycleName(cycle)
                        + (finalDeadline == null ? "" : "，办结时限 " + deadlines.display(finalDeadline)) + "）：" + requirements);
        LOG.info("special supervision ordered number={} supervisionId={} cycle={}", number, supervisionId, cycle);
    }

    private void checkOrderer(String user) {
        if (ProblemContext.SYSTEM.equals(user) || identity.createGroupQuery().groupMember(user)
                .groupIdIn(settings.ordererGroups().toArray(String[]::new)).count() == 0) {
            throw new InvalidInputException(PROBLEM_NUMBER, "专项督办单只能由分管领导、主要领导、纪检监察或作风办下达");
        }
    }

    private String cycle(String chosen) {
        String cycle = chosen == null || chosen.isBlank() ? settings.defaultCycle() : chosen;
        if (!settings.reportCycles().containsKey(cycle)) {
            throw new InvalidInputException(REPORT_CYCLE, "报送周期「" + cycle + "」未配置");
        }
        return cycle;
    }

    private String cycleName(String cycle) {
        return forms.options(SpecialSupervision.START_FORM, REPORT_CYCLE).getOrDefault(cycle, cycle);
    }

    private static InvalidInputException alreadySupervised(String number) {
        return new InvalidInputException(PROBLEM_NUMBER, "问题 " + number + " 已在专项督办中，不能重复下达督办单");
    }
}
