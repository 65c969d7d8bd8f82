package org.qingfeng.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A user task's form handler that adds to the task's form data the option lists its Camunda Form names in a
 * {@code valuesKey}, one form field each. Tasklist loads a form's data through {@code GET /task/{id}/form-variables},
 * which reads every form field's value before the task's variables, so the form shows the lists as they are when it
 * is opened; nothing is stored with the task, nor in history. A field works out its list only when its value is read,
 * once: {@code GET /task/{id}/form}, which Tasklist calls on every task it shows, creates the form data too but never
 * reads the values. Everything else, submitting the form above all, is the wrapped handler's.
 */
public class TaskFormWithOptions implements TaskFormHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskFormHandler form;
    private final Function<TaskEntity, List<FormOptions>> optionsOf;

    /**
     * @param form      the handler the engine made for the task
     * @param optionsOf the option lists the task's form names, usually none
     */
    public TaskFormWithOptions(TaskFormHandler form, Function<TaskEntity, List<FormOptions>> optionsOf) {
        this.form = form;
        this.optionsOf = optionsOf;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData data = form.createTaskForm(task);
        List<FormOptions> options = optionsOf.apply(task);
        if (!options.isEmpty() && data instanceof FormDataImpl formData) {
            List<FormField> fields = new ArrayList<>(formData.getFormFields() == null ? List.of() : formData.getFormFields());
            options.forEach(o -> fields.add(new OptionsField(o, task)));
            formData.setFormFields(fields);
        }
        return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                   ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        form.submitFormVariables(properties, variableScope);
    }

    /** The type of an option list field, for callers of the Java API that list a form's fields with their types. */
    private static final FormType JSON_TYPE = new FormType() {
        @Override
        public String getName() {
            return "json";
        }

        @Override
        public Object getInformation(String key) {
            return null;
        }
    };

    /** One option list as a form field: a Json value, worked out when first read. */
    static final class OptionsField implements FormField {

        private final FormOptions options;
        private final VariableScope scope;
        private TypedValue value;

        OptionsField(FormOptions options, VariableScope scope) {
            this.options = options;
            this.scope = scope;
        }

        @Override
        public String getId() {
            return options.name();
        }

        @Override
        public String getLabel() {
            return null;
        }

        @Override
        public FormType getType() {
            return JSON_TYPE;
        }

        @Override
        public String getTypeName() {
            return "json";
        }

        @Override
        public Object getDefaultValue() {
            return null;
        }

        @Override
        public TypedValue getValue() {
            if (value == null) {
                try {
                    value = SpinValues.jsonValue(JSON.writeValueAsString(options.options(scope))).create();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write the options " + options.name(), e);
                }
            }
            return value;
        }

        @Override
        public List<FormFieldValidationConstraint> getValidationConstraints() {
            return List.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public boolean isBusinessKey() {
            return false;
        }
    }
}
