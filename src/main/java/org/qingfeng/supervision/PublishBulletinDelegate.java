package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qingfeng.rectification.ProblemContext;
import org.qingfeng.report.Bulletin;
import org.qingfeng.report.MonthlyBulletins;
import org.springframework.stereotype.Component;

/** 月度通报: generates the reviewed month's bulletin and hands its document to the party committee's task. */
@Component("publishBulletin")
public class PublishBulletinDelegate implements JavaDelegate {

    private final MonthlyBulletins bulletins;
    private final SupervisionRecords records;

    public PublishBulletinDelegate(MonthlyBulletins bulletins, SupervisionRecords records) {
        this.bulletins = bulletins;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse((String) execution.getVariable(REVIEW_MONTH));
        Bulletin bulletin = bulletins.publish(month, ProblemContext.actor(execution));
        records.bulletinPublished(month, execution.getProcessInstanceId(), (String) execution.getVariable(REVIEW_SUMMARY),
                bulletin.id());
        execution.setVariable(BULLETIN_ID, bulletin.id());
        execution.setVariable(BULLETIN_PATH, bulletin.downloadPath());
    }
}
