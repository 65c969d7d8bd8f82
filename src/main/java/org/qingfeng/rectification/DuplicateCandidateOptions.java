package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.DUPLICATE_CANDIDATES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.qingfeng.engine.FormOptions;
import org.qingfeng.intake.DuplicateCandidates;
import org.qingfeng.ledger.api.LedgerLabels;
import org.springframework.stereotype.Component;

/**
 * Offers the registrar the open problems a new report may repeat (疑似重复件), the register form's choices of 合并至
 * (valuesKey {@code duplicateCandidates}): those of the department the report names and, after them, the most similar
 * of other departments ({@link DuplicateCandidates#forRegistration}), for the form cannot search again when the
 * registrar settles on another department; a merge takes the target's department, whichever it is. Each entry has the
 * form's {@code label} and {@code value} (the ledger number) and the facts behind the label — number, description
 * excerpt, department name, stage and similarity score. The search runs when the registrar opens the form (and when a
 * merge is submitted), not when the report is taken in: taking in a report costs no search, and a problem closed or
 * merged since the report came in is no longer offered. Nothing about the reporter goes in.
 */
@Component
public class DuplicateCandidateOptions implements FormOptions {

    private final DuplicateCandidates duplicates;
    private final LedgerLabels labels;

    public DuplicateCandidateOptions(DuplicateCandidates duplicates, LedgerLabels labels) {
        this.duplicates = duplicates;
        this.labels = labels;
    }

    @Override
    public String name() {
        return DUPLICATE_CANDIDATES;
    }

    @Override
    public List<Map<String, Object>> options(VariableScope scope) {
        return duplicates.forRegistration(ProblemContext.problemId(scope)).stream()
                .map(c -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    String stage = labels.progress(c.status(), c.stage());
                    entry.put("label", "%s（%s，%s，相似度%d%%）%s".formatted(c.number(), c.department(), stage,
                            Math.round(c.score() * 100), c.excerpt()));
                    entry.put("value", c.number());
                    entry.put("number", c.number());
                    entry.put("excerpt", c.excerpt());
                    entry.put("department", c.department());
                    entry.put("stage", stage);
                    entry.put("score", c.score());
                    return entry;
                })
                .toList();
    }
}
