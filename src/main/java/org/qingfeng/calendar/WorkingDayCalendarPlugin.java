package org.qingfeng.calendar;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers the working-day business calendars with the engine, and lets a timer cycle written as an expression be
 * read again each time it fires, so a schedule changed in the settings applies from the next run on.
 */
@Component
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;
    private final CalendarSettings settings;

    public WorkingDayCalendarPlugin(WorkingDayCalendar calendar, CalendarSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBusinessCalendarManager(new WorkingDayBusinessCalendars(calendar, settings).manager());
        configuration.setReevaluateTimeCycleWhenDue(true);
    }
}
