package org.qingfeng.supervision;

import static org.qingfeng.supervision.HalfYearRevisit.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.calendar.WorkingDays;
import org.qingfeng.engine.InvalidInputException;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 开启回头看批次: fixes the half-year — the one asked for in the start form, or else the half-year just ended —
 * and opens its campaign record with the due date of every revisit. The schedule and the office start the same
 * start event; the office is a logged-in person, the schedule is not. A half-year that has not ended, or whose
 * campaign is still open, is refused to the office; the schedule quietly skips a half-year already revisited.
 */
@Component("openRevisitCampaign")
public class OpenRevisitCampaignDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRevisitCampaignDelegate.class);

    private final RevisitCampaigns campaigns;
    private final RevisitCampaignSettings settings;
    private final WorkingDays workingDays;
    private final Deadlines deadlines;
    private final BusinessClock clock;

    public OpenRevisitCampaignDelegate(RevisitCampaigns campaigns, RevisitCampaignSettings settings,
            WorkingDays workingDays, Deadlines deadlines, BusinessClock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requested = ProblemContext.string(execution, CAMPAIGN_HALF);
        String startedBy = ProblemContext.actor(execution);
        // the timer starts without a person; the office starts through the start form
        boolean manual = !ProblemContext.SYSTEM.equals(startedBy);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        HalfYear half = requested == null || requested.isBlank()
                ? HalfYear.containing(clock.today()).previous()
                : HalfYear.parse(requested).orElseThrow(() -> new InvalidInputException(CAMPAIGN_HALF,
                        "回头看批次应写作如 2026-H1（上半年）或 2026-H2（下半年）：" + requested));
        if (manual && clock.today().isBefore(half.end())) {
            throw new InvalidInputException(CAMPAIGN_HALF, half.label() + "尚未结束，不能开展整改回头看");
        }
        if (manual && stillOpen(half, runtime)) {
            throw new InvalidInputException(CAMPAIGN_HALF, half.label() + "的整改回头看正在进行，请先办结");
        }
        execution.setProcessBusinessKey(HalfYearRevisit.BUSINESS_KEY_PREFIX + half.key());
        execution.setVariable(CAMPAIGN_HALF, half.key());
        execution.setVariable(CAMPAIGN_LABEL, half.label() + "整改回头看");
        boolean alreadyHeld = !manual && (stillOpen(half, runtime)
                || campaigns.of(half).stream().anyMatch(c -> c.status() == RevisitCampaigns.Status.CLOSED));
        execution.setVariable(CAMPAIGN_ALREADY_HELD, alreadyHeld);
        if (alreadyHeld) {
            LOG.info("revisit campaign skipped half={} reason=already held", half);
            return;
        }
        Object percent = execution.getVariable(SAMPLE_SHARE_PERCENT);
        double share = percent == null ? settings.sampleShare() : Double.parseDouble(percent.toString()) / 100;
        Date dueAt = workingDays.after(settings.dueWorkingDays());
        long id = campaigns.open(half, manual ? RevisitCampaigns.Trigger.MANUAL : RevisitCampaigns.Trigger.SCHEDULE,
                manual ? startedBy : null, execution.getProcessInstanceId(), share, dueAt);
        execution.setVariable(CAMPAIGN_ID, id);
        execution.setVariable(CAMPAIGN_DUE_AT, dueAt);
        execution.setVariable(CAMPAIGN_DUE_TEXT, deadlines.display(dueAt));
        LOG.info("revisit campaign opened id={} half={} trigger={}", id, half, manual ? "manual" : "schedule");
    }

    /**
     * Whether a campaign of the half-year is open and still has its process; one whose process was deleted (say in
     * Cockpit, without listeners) is marked cancelled here.
     */
    private boolean stillOpen(HalfYear half, RuntimeService runtime) {
        boolean open = false;
        for (RevisitCampaigns.Campaign c : campaigns.of(half)) {
            if (c.status() != RevisitCampaigns.Status.OPEN) {
                continue;
            }
            if (runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0) {
                open = true;
            } else {
                campaigns.cancelIfOpen(c.id());
            }
        }
        return open;
    }
}
