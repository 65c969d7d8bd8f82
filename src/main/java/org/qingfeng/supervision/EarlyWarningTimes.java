package org.qingfeng.supervision;

import java.util.Date;
import org.qingfeng.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The early warning's times as the BPMN expressions ask for them: the scan's timer cycle
 * ({@code ${earlyWarningTimes.scanSchedule()}}, read again each time it fires) and the reply deadline of a letter
 * ({@code ${earlyWarningTimes.replyDue()}}), so both follow the settings without a redeployment.
 */
@Component("earlyWarningTimes")
public class EarlyWarningTimes {

    private final EarlyWarningSettings settings;
    private final WorkingDays workingDays;

    public EarlyWarningTimes(EarlyWarningSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public String scanSchedule() {
        return settings.scanSchedule();
    }

    /** The end of the working day that lies the configured number of working days from today. */
    public Date replyDue() {
        return workingDays.after(settings.replyWorkingDays());
    }
}
