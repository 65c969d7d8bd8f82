package org.qingfeng.supervision;

import static org.qingfeng.supervision.MonthlyReview.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.qingfeng.rectification.Deadlines;
import org.springframework.stereotype.Component;

/** Shows the assessor whose observation ends and why, as task-local values of the assessment form. */
@Component("prepareObservationAssessment")
public class PrepareObservationAssessmentListener implements TaskListener {

    private final Departments departments;
    private final Deadlines deadlines;
    private final SupervisionRecords records;

    public PrepareObservationAssessmentListener(Departments departments, Deadlines deadlines, SupervisionRecords records) {
        this.departments = departments;
        this.deadlines = deadlines;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        Department department = departments.find((String) task.getVariable(DEPARTMENT_ID)).orElseThrow();
        task.setVariableLocal("departmentName", department.name());
        task.setVariableLocal("observationReason", records.watchListReason(((Number) task.getVariable(WATCH_LIST_ENTRY_ID)).longValue()));
        task.setVariableLocal("observeUntilText", deadlines.display((java.util.Date) task.getVariable(OBSERVE_UNTIL)));
    }
}
