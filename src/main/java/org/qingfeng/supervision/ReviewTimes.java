package org.qingfeng.supervision;

import java.time.YearMonth;
import org.qingfeng.calendar.BusinessClock;
import org.springframework.stereotype.Component;

/** The review's schedule and due dates as the BPMN expressions read them: {@code ${reviewTimes.schedule}}. */
@Component("reviewTimes")
public class ReviewTimes {

    private final ReviewSettings settings;
    private final BusinessClock clock;

    public ReviewTimes(ReviewSettings settings, BusinessClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The month a scheduled review looks at: the one before today's, {@code yyyy-MM}. */
    public String getLastMonth() {
        return YearMonth.from(clock.today()).minusMonths(1).toString();
    }

    public String getSchedule() {
        return settings.schedule();
    }

    public String getInterviewWithin() {
        return settings.interviewWithin();
    }

    public String getCommitteeWithin() {
        return settings.committeeWithin();
    }
}
