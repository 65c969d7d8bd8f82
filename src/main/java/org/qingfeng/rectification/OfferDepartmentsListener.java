package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.DEPARTMENT_OPTIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.qingfeng.identity.Departments;
import org.springframework.stereotype.Component;

/**
 * Gives a task's form the current list of departments to choose from (valuesKey), as a task-local variable
 * so it never becomes part of the problem's data.
 */
@Component("offerDepartments")
public class OfferDepartmentsListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Departments departments;

    public OfferDepartmentsListener(Departments departments) {
        this.departments = departments;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = departments.all().stream()
                .map(d -> Map.of("label", d.name(), "value", d.id()))
                .toList();
        try {
            task.setVariableLocal(DEPARTMENT_OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
