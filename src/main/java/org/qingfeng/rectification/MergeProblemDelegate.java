package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.MERGE_TARGET;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.ledger.ProblemRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 合并重复件: the report is finished as a duplicate of an open problem, which carries on for both; both timelines
 * say so. The target must exist, be open and be another problem — checked here, on the server, because the
 * target may have closed or been merged itself since the registrar's form offered it.
 */
@Component("mergeProblem")
public class MergeProblemDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(MergeProblemDelegate.class);

    private final ProblemLedger ledger;

    public MergeProblemDelegate(ProblemLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProblemContext.problemId(execution);
        String number = execution.getProcessBusinessKey();
        String targetNumber = ProblemContext.string(execution, MERGE_TARGET);
        if (targetNumber == null || targetNumber.isBlank()) {
            throw new InvalidInputException(MERGE_TARGET, "请选择合并至的问题");
        }
        ProblemRecord target = ledger.lockByNumber(targetNumber.trim())
                .orElseThrow(() -> new InvalidInputException(MERGE_TARGET, "台账中没有问题" + targetNumber));
        if (target.id() == id) {
            throw new InvalidInputException(MERGE_TARGET, "不能将问题合并到其自身");
        }
        if (!target.status().isOpen()) {
            throw new InvalidInputException(MERGE_TARGET,
                    "问题" + target.number() + "已办结或已合并，不能再合并重复件；请重新选择或予以登记");
        }
        String actor = ProblemContext.actor(execution);
        ledger.merge(id, target.id(), target.departmentId());
        ledger.record(id, EventType.MERGED_INTO, actor, execution.getCurrentActivityId(), "作为重复件合并至" + target.number());
        ledger.record(target.id(), EventType.DUPLICATE_MERGED, actor, execution.getCurrentActivityId(),
                "重复件" + number + "已合并至本问题");
        LOG.info("duplicate merged number={} into={}", number, target.number());
    }
}
