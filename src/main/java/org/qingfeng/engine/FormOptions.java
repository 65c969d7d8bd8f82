package org.qingfeng.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A list of choices that Camunda Forms name in a component's {@code valuesKey} (the departments, the duplicate
 * candidates of a report …), worked out from current data each time a form is opened and each time it is submitted,
 * never stored with the task. A form that names {@link #name()} gets the list as a Json form variable of that name
 * ({@link TaskFormWithOptions}); {@link FormRules} accepts only a value the list holds.
 */
public interface FormOptions {

    /** The {@code valuesKey} the forms use for this list. */
    String name();

    /**
     * The choices for the task (or, for a start form, the execution) {@code scope}, in the order the form shows them:
     * each a JSON-ready map with at least the form's {@code label} and {@code value}. Called inside an engine command.
     */
    List<Map<String, Object>> options(VariableScope scope);
}
