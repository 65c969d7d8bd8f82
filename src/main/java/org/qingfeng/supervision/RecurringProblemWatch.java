package org.qingfeng.supervision;

import static org.qingfeng.supervision.SpecialRectificationGroup.Variables.*;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.rectification.ProblemRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 对反复出现的问题，成立专项整改小组 (000): every registration is weighed, in its own transaction, against the
 * department's other problems of the same category. When enough of them fall within the window and no earlier
 * proposal has counted them, the department's supervising leader is asked to form a special rectification group.
 * While a proposal awaits its decision, further problems of the kind join it instead of making a second one.
 */
@Component
public class RecurringProblemWatch {

    /** At most this many problems are listed in the decision form, at most 60 characters each. */
    static final int LISTED = 30;

    private static final Logger LOG = LoggerFactory.getLogger(RecurringProblemWatch.class);
    private static final int DESCRIPTION_EXCERPT = 60;

    private final RectificationGroupProposals proposals;
    private final RectificationGroupSettings settings;
    private final ProblemLedger ledger;
    private final Departments departments;
    private final Deadlines deadlines;
    private final EngineDueDates dueDates;
    private final FormCatalog forms;
    private final RuntimeService runtime;

    public RecurringProblemWatch(RectificationGroupProposals proposals, RectificationGroupSettings settings,
            ProblemLedger ledger, Departments departments, Deadlines deadlines, EngineDueDates dueDates, FormCatalog forms,
            RuntimeService runtime) {
        this.proposals = proposals;
        this.settings = settings;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
        this.dueDates = dueDates;
        this.forms = forms;
        this.runtime = runtime;
    }

    @EventListener
    public void problemRegistered(ProblemRegistered registered) {
        if (registered.category() == null) {
            return;
        }
        String departmentId = registered.departmentId();
        String category = registered.category();
        Optional<Long> open = proposals.openProposal(departmentId, category);
        if (open.isPresent()) {
            join(open.get(), registered.problemId());
            return;
        }
        Date since = Date.from(deadlines.now().minus(settings.window()).toInstant());
        List<RectificationGroupProposals.Recurring> recurring = proposals.uncounted(departmentId, category, since);
        if (recurring.size() >= settings.threshold()) {
            Optional<Long> proposed = proposals.propose(departmentId, category, recurring.size(), since);
            if (proposed.isPresent()) {
                start(proposed.get(), departmentId, category, since, recurring);
                return;
            }
            // a registration running at the same time has proposed for the pair; its insert committed first
        }
        // Too few uncounted problems may also mean that a registration running at the same time committed its
        // proposal between the look-up above and the count, taking the earlier problems with it: each statement
        // reads what is committed when it starts. Looked up again after the count, that proposal is seen, and this
        // problem joins it instead of being left out.
        proposals.openProposal(departmentId, category).ifPresent(id -> {
            join(id, registered.problemId());
            LOG.info("rectification group proposed concurrently; joined proposalId={} department={} category={}",
                    id, departmentId, category);
        });
    }

    private void join(long proposalId, long problemId) {
        proposals.link(proposalId, problemId);
        ledger.record(problemId, EventType.RECTIFICATION_GROUP_PROPOSED, ProblemContext.SYSTEM,
                SpecialRectificationGroup.Elements.RECURRING_PROBLEMS_FOUND,
                "同类问题已提请组建专项整改小组，本问题一并纳入，待分管领导审定");
    }

    private void start(long proposalId, String departmentId, String category, Date since,
            List<RectificationGroupProposals.Recurring> recurring) {
        Department department = departments.find(departmentId)
                .orElseThrow(() -> new IllegalStateException("no department " + departmentId));
        String categoryLabel = forms.options("register-problem", "category").getOrDefault(category, category);
        String detail = department.name() + "自 " + deadlines.display(since) + " 以来登记「" + categoryLabel + "」类问题 "
                + recurring.size() + " 件，提请分管领导组建专项整改小组深挖根源";
        for (RectificationGroupProposals.Recurring problem : recurring) {
            proposals.link(proposalId, problem.id());
            ledger.record(problem.id(), EventType.RECTIFICATION_GROUP_PROPOSED, ProblemContext.SYSTEM,
                    SpecialRectificationGroup.Elements.RECURRING_PROBLEMS_FOUND, detail);
        }
        ProcessInstance instance = runtime.startProcessInstanceByMessage(SpecialRectificationGroup.RECURRING_PROBLEMS_MESSAGE,
                SpecialRectificationGroup.businessKey(proposalId), Variables.createVariables()
                        .putValue(PROPOSAL_ID, proposalId)
                        .putValue(DEPARTMENT_ID, departmentId)
                        .putValue(DEPARTMENT_NAME, department.name())
                        .putValue(CATEGORY, category)
                        .putValue(CATEGORY_LABEL, categoryLabel)
                        .putValue(PROBLEM_COUNT, recurring.size())
                        .putValue(RECURRING_PROBLEMS, listing(recurring))
                        .putValue(SUPERVISING_LEADER_ID, department.supervisingLeaderId())
                        .putValue(DECISION_DUE_AT, dueDates.after(settings.decideWithin(), ClockUtil.getCurrentTime())));
        proposals.attachProcess(proposalId, instance.getId());
        LOG.info("rectification group proposed proposalId={} department={} category={} problems={}", proposalId,
                departmentId, category, recurring.size());
    }

    /**
     * The problems as the decision form lists them: the first {@value #LISTED} of them, and how many more the ledger
     * holds; a string variable must stay within the engine's 4,000 characters.
     */
    static String listing(List<RectificationGroupProposals.Recurring> recurring) {
        String listed = recurring.stream().limit(LISTED)
                .map(p -> p.number() + " " + excerpt(p.description()))
                .collect(Collectors.joining("\n"));
        return recurring.size() <= LISTED ? listed
                : listed + "\n……另有 " + (recurring.size() - LISTED) + " 件，见台账「专项整改小组」清单";
    }

    private static String excerpt(String description) {
        return description.codePointCount(0, description.length()) <= DESCRIPTION_EXCERPT
                ? description
                : description.substring(0, description.offsetByCodePoints(0, DESCRIPTION_EXCERPT)) + "…";
    }
}
