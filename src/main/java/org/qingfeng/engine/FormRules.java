package org.qingfeng.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.qingfeng.engine.InvalidInputException;

/**
 * Enforces on the server the rules a Camunda Form enforces in the browser — required fields, lengths, number
 * ranges, allowed values, dates — so that the REST API cannot complete a step with input the form would refuse.
 * Fields hidden by their form condition are not checked, exactly as in the browser. A choice whose list comes from
 * {@link FormOptions} (a {@code valuesKey}) must be in that list as it is when the form is submitted.
 */
public class FormRules {

    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, List<FormOptions>> optionsOfForm = new ConcurrentHashMap<>();
    private final Map<String, FormOptions> options = new LinkedHashMap<>();
    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /** @param options the option lists forms may name in a {@code valuesKey} */
    public FormRules(List<FormOptions> options) {
        options.forEach(o -> {
            if (this.options.putIfAbsent(o.name(), o) != null) {
                throw new IllegalStateException("two option lists are named " + o.name());
            }
        });
    }

    /**
     * The option lists that form {@code formKey} of deployment {@code deploymentId} names in its components'
     * {@code valuesKey}, each once, in the form's order; usually none.
     */
    public List<FormOptions> optionsFor(String deploymentId, String formKey) {
        return optionsOfForm.computeIfAbsent(deploymentId + "/" + formKey, k -> schema(deploymentId, formKey).fields()
                .stream()
                .map(FormSchema.Field::valuesKey)
                .filter(options::containsKey)
                .distinct()
                .map(options::get)
                .toList());
    }

    /**
     * Checks the variables visible from {@code scope} against form {@code formKey} of deployment {@code deploymentId}.
     *
     * @return the values of the fields the person filled in, by label, for the problem's timeline
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public Map<String, Object> check(String deploymentId, String formKey, VariableScope scope, LocalDate today) {
        VariableMap context = simpleValues(scope);
        Map<String, Object> filledIn = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String firstField = null;
        for (FormSchema.Field field : schema(deploymentId, formKey).fields()) {
            if (field.readonly() || isHidden(field, context)) {
                continue;
            }
            Object value = scope.getVariable(field.key());
            String problem = problem(field, value, scope, today);
            if (problem != null) {
                problems.add("「" + field.label() + "」" + problem);
                firstField = firstField == null ? field.key() : firstField;
            } else if (value != null) {
                filledIn.put(field.label(), value instanceof SpinJsonNode json ? json.toString() : value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(firstField, "表单填写有误：" + String.join("；", problems));
        }
        return filledIn;
    }

    private String problem(FormSchema.Field field, Object value, VariableScope scope, LocalDate today) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return field.required() ? "为必填项" : null;
        }
        switch (field.type()) {
            case "textfield", "textarea" -> {
                if (!(value instanceof String text)) {
                    return "应为文本";
                }
                int length = text.codePointCount(0, text.length());
                if (field.minLength() != null && length < field.minLength()) {
                    return "至少需要" + field.minLength() + "个字";
                }
                if (field.maxLength() != null && length > field.maxLength()) {
                    return "不能超过" + field.maxLength() + "个字";
                }
            }
            case "number" -> {
                Double number = asNumber(value);
                if (number == null) {
                    return "应为数字";
                }
                if (field.min() != null && number < field.min() || field.max() != null && number > field.max()) {
                    return "应在" + format(field.min()) + "到" + format(field.max()) + "之间";
                }
            }
            case "select", "radio" -> {
                Set<String> allowed = allowedValues(field, scope);
                if (!allowed.contains(value.toString())) {
                    return "的取值“" + value + "”不在可选范围内";
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    return "应为是或否";
                }
            }
            case "datetime" -> {
                LocalDate date = asDate(value);
                if (date == null) {
                    return "不是有效的日期";
                }
                if (field.disallowPassedDates() && date.isBefore(today)) {
                    return "不能早于今天";
                }
            }
            default -> {
                // other components carry no input rules
            }
        }
        return null;
    }

    private Set<String> allowedValues(FormSchema.Field field, VariableScope scope) {
        if (field.options() != null) {
            return field.options().keySet();
        }
        Set<String> allowed = new HashSet<>();
        FormOptions offered = field.valuesKey() == null ? null : this.options.get(field.valuesKey());
        if (offered != null) {
            // as the form offers them now, not as some variable of that name says
            offered.options(scope).forEach(o -> allowed.add(String.valueOf(o.get("value"))));
            return allowed;
        }
        Object options = field.valuesKey() == null ? null : scope.getVariable(field.valuesKey());
        if (options instanceof SpinJsonNode json) {
            json.elements().forEach(o -> allowed.add(o.prop("value").stringValue()));
        } else if (options instanceof Collection<?> list) {
            list.forEach(o -> allowed.add(String.valueOf(o instanceof Map<?, ?> m ? m.get("value") : o)));
        }
        return allowed;
    }

    private boolean isHidden(FormSchema.Field field, VariableMap context) {
        if (field.hideExpression() == null) {
            return false;
        }
        Object hidden = feel.evaluateSimpleExpression(field.hideExpression(), context.asVariableContext());
        return Boolean.TRUE.equals(hidden);
    }

    /** The plain values a form condition may refer to; complex values are left out of the FEEL context. */
    private static VariableMap simpleValues(VariableScope scope) {
        VariableMap context = Variables.createVariables();
        scope.getVariables().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                context.putValue(name, value);
            }
        });
        return context;
    }

    private FormSchema schema(String deploymentId, String formKey) {
        return schemas.computeIfAbsent(deploymentId + "/" + formKey, k -> {
            CommandContext commandContext = Context.getCommandContext();
            CamundaFormDefinitionEntity definition = commandContext.getCamundaFormDefinitionManager()
                    .findDefinitionByDeploymentAndKey(deploymentId, formKey);
            if (definition == null) {
                throw new IllegalStateException("form " + formKey + " is not part of deployment " + deploymentId);
            }
            ResourceEntity resource = commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(deploymentId, definition.getResourceName());
            return FormSchema.parse(resource.getBytes());
        });
    }

    private static Double asNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate asDate(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException notALocalDateTime) {
                try {
                    return OffsetDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException notAnOffsetDateTime) {
                    return null;
                }
            }
        }
    }

    private static String format(Double bound) {
        return bound == null ? "" : bound % 1 == 0 ? String.valueOf(bound.longValue()) : bound.toString();
    }
}
