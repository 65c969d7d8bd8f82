package org.qingfeng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The choices the forms offer (channels, categories, severities …) with their Chinese labels, read from the same
 * forms/ files that are deployed, so lists, filters and exports never disagree with what people can pick.
 */
@Component
public class FormCatalog {

    private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

    /** Value to label of the field {@code key} in form {@code formId}. */
    public Map<String, String> options(String formId, String key) {
        return form(formId).field(key).map(FormSchema.Field::options)
                .orElseThrow(() -> new IllegalArgumentException("form " + formId + " has no choice field " + key));
    }

    private FormSchema form(String formId) {
        return forms.computeIfAbsent(formId, id -> {
            try (InputStream in = new ClassPathResource("forms/" + id + ".form").getInputStream()) {
                return FormSchema.parse(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read form " + id, e);
            }
        });
    }
}
