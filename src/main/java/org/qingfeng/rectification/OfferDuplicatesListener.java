package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.DUPLICATE_CANDIDATES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.qingfeng.intake.DuplicateCandidates;
import org.qingfeng.ledger.api.LedgerLabels;
import org.springframework.stereotype.Component;

/**
 * Offers the registrar the open problems a new report may repeat (疑似重复件), as a task-local JSON list that the
 * register form shows as the choices of 合并至: each entry has the form's {@code label} and {@code value} (the
 * ledger number) and the facts behind the label — number, description excerpt, stage and similarity score.
 * Nothing about the reporter goes in.
 */
@Component("offerDuplicates")
public class OfferDuplicatesListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DuplicateCandidates duplicates;
    private final LedgerLabels labels;

    public OfferDuplicatesListener(DuplicateCandidates duplicates, LedgerLabels labels) {
        this.duplicates = duplicates;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, Object>> candidates = duplicates.forProblem(ProblemContext.problemId(task)).stream()
                .map(c -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    String stage = labels.progress(c.status(), c.stage());
                    entry.put("label", "%s（%s，相似度%d%%）%s".formatted(c.number(), stage, Math.round(c.score() * 100), c.excerpt()));
                    entry.put("value", c.number());
                    entry.put("number", c.number());
                    entry.put("excerpt", c.excerpt());
                    entry.put("stage", stage);
                    entry.put("score", c.score());
                    return entry;
                })
                .toList();
        try {
            task.setVariableLocal(DUPLICATE_CANDIDATES, SpinValues.jsonValue(JSON.writeValueAsString(candidates)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
