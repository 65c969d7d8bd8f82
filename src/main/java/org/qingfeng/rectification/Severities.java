package org.qingfeng.rectification;

import static org.qingfeng.rectification.ProblemLifecycle.Variables.SEVERITY;

import java.util.List;
import java.util.Map;
import org.qingfeng.engine.FormCatalog;
import org.springframework.stereotype.Component;

/**
 * The severity levels in the order the registration form lists them, mildest first; a designer who adds a level
 * to the form adds it here too.
 */
@Component
public class Severities {

    private static final String FORM = "register-problem";

    private final Map<String, String> labels;
    private final List<String> ascending;

    public Severities(FormCatalog forms) {
        this.labels = forms.options(FORM, SEVERITY);
        this.ascending = List.copyOf(labels.keySet());
    }

    /** One level more severe; the most severe level stays. An unknown level counts as the mildest. */
    public String raised(String severity) {
        int level = Math.max(ascending.indexOf(severity), 0);
        return ascending.get(Math.min(level + 1, ascending.size() - 1));
    }

    /** Whether {@code severity} is milder than {@code minimum}. */
    public boolean isBelow(String severity, String minimum) {
        return ascending.indexOf(severity) < ascending.indexOf(minimum);
    }

    public String label(String severity) {
        return labels.getOrDefault(severity, severity);
    }
}
