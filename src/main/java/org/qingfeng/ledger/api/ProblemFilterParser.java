package org.qingfeng.ledger.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qingfeng.identity.Departments;
import org.qingfeng.ledger.ProblemFilter;
import org.qingfeng.ledger.ProblemFilter.SortField;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.springframework.stereotype.Component;

/** Turns request parameters into a {@link ProblemFilter}, refusing anything it cannot use with the parameter's name. */
@Component
public class ProblemFilterParser {

    static final Set<String> PARAMETERS = Set.of("department", "status", "stage", "channel", "category", "severity",
            "overdue", "warning", "registeredFrom", "registeredTo", "deadlineFrom", "deadlineTo", "q", "page", "size", "sort");
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_TEXT = 100;

    private final Departments departments;
    private final LedgerLabels labels;

    public ProblemFilterParser(Departments departments, LedgerLabels labels) {
        this.departments = departments;
        this.labels = labels;
    }

    public ProblemFilter parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadParameterException(name, "unknown parameter '" + name + "'; known: " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        String department = params.get("department");
        if (department != null && departments.find(department).isEmpty()) {
            throw new BadParameterException("department", "unknown department '" + department + "'");
        }
        String[] sort = params.getOrDefault("sort", "registeredAt,desc").split(",", -1);
        SortField sortField = Arrays.stream(SortField.values()).filter(f -> f.parameter().equals(sort[0])).findFirst()
                .orElseThrow(() -> new BadParameterException("sort", "cannot sort by '" + sort[0] + "'; allowed: "
                        + Arrays.stream(SortField.values()).map(SortField::parameter).collect(Collectors.joining(", "))));
        if (sort.length > 2 || sort.length == 2 && !Set.of("asc", "desc").contains(sort[1])) {
            throw new BadParameterException("sort", "sort must be 'field' or 'field,asc|desc'");
        }
        String text = params.get("q");
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new BadParameterException("q", "search text must have 1 to " + MAX_TEXT + " characters");
        }
        int size = integer(params, "size", DEFAULT_PAGE_SIZE);
        if (size < 1 || size > ProblemFilter.MAX_PAGE_SIZE) {
            throw new BadParameterException("size", "page size must be between 1 and " + ProblemFilter.MAX_PAGE_SIZE);
        }
        int page = integer(params, "page", 0);
        if (page < 0) {
            throw new BadParameterException("page", "page must not be negative");
        }
        return new ProblemFilter(
                department,
                choice(params, "status", ProblemStatus::valueOf, ProblemStatus.values()),
                choice(params, "stage", Stage::valueOf, Stage.values()),
                code(params, "channel", labels.channels()),
                code(params, "category", labels.categories()),
                code(params, "severity", labels.severities()),
                bool(params, "overdue"),
                choice(params, "warning", WarningColour::valueOf, WarningColour.values()),
                date(params, "registeredFrom"),
                date(params, "registeredTo"),
                date(params, "deadlineFrom"),
                date(params, "deadlineTo"),
                text == null ? null : text.strip(),
                page,
                size,
                sortField,
                sort.length < 2 || "asc".equals(sort[1]));
    }

    private static <E extends Enum<E>> E choice(Map<String, String> params, String name, Function<String, E> parse, E[] values) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, "unknown " + name + " '" + value + "'; allowed: "
                    + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String code(Map<String, String> params, String name, Map<String, String> allowed) {
        String value = params.get(name);
        if (value != null && !allowed.containsKey(value)) {
            throw new BadParameterException(name, "unknown " + name + " '" + value + "'; allowed: " + String.join(", ", allowed.keySet()));
        }
        return value;
    }

    private static Boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new BadParameterException(name, name + " must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be a date like 2026-03-31, not '" + value + "'");
        }
    }

    private static int integer(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be a whole number, not '" + value + "'");
        }
    }
}
