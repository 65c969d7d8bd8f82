package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.DEPARTMENT_OPTIONS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.qingfeng.engine.FormOptions;
import org.qingfeng.identity.Departments;
import org.springframework.stereotype.Component;

/** The departments to choose from (valuesKey {@code departmentOptions}), as they are when the form is opened. */
@Component
public class DepartmentOptions implements FormOptions {

    private final Departments departments;

    public DepartmentOptions(Departments departments) {
        this.departments = departments;
    }

    @Override
    public String name() {
        return DEPARTMENT_OPTIONS;
    }

    @Override
    public List<Map<String, Object>> options(VariableScope scope) {
        return departments.all().stream()
                .map(d -> {
                    Map<String, Object> option = new LinkedHashMap<>();
                    option.put("label", d.name());
                    option.put("value", d.id());
                    return option;
                })
                .toList();
    }
}
