package org.qingfeng.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The input fields of a Camunda Form (.form JSON) with the rules that form-js enforces in the browser. */
public record FormSchema(String id, List<Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Field(
            String key,
            String label,
            String type,
            String subtype,
            boolean required,
            boolean readonly,
            Integer minLength,
            Integer maxLength,
            Double min,
            Double max,
            /** allowed value to label, in the form's order; null when the choices come from {@code valuesKey} */
            Map<String, String> options,
            String valuesKey,
            String hideExpression,
            boolean disallowPassedDates) {
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    static FormSchema parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Field> fields = new ArrayList<>();
            collect(root.path("components"), fields);
            return new FormSchema(root.path("id").asText(), List.copyOf(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable form", e);
        }
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.get("components"), fields);
            }
            if (!c.hasNonNull("key")) {
                continue;
            }
            JsonNode validate = c.path("validate");
            Map<String, String> options = null;
            if (c.has("values")) {
                options = new LinkedHashMap<>();
                for (JsonNode v : c.get("values")) {
                    options.put(v.path("value").asText(), v.path("label").asText());
                }
            }
            String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(c.get("key").asText());
            String hide = c.path("conditional").path("hide").asText(null);
            fields.add(new Field(
                    c.get("key").asText(),
                    label,
                    c.path("type").asText(),
                    c.path("subtype").asText(null),
                    validate.path("required").asBoolean(false),
                    c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                    validate.has("minLength") ? validate.get("minLength").asInt() : null,
                    validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.has("min") ? validate.get("min").asDouble() : null,
                    validate.has("max") ? validate.get("max").asDouble() : null,
                    options == null ? null : Collections.unmodifiableMap(options),
                    c.path("valuesKey").asText(null),
                    hide == null ? null : hide.replaceFirst("^=", ""),
                    c.path("disallowPassedDates").asBoolean(false)));
        }
    }
}
