package org.qingfeng.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.supervision.ComplaintStatistics.ComplaintCounts;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The two templates of a 廉洁提醒函: the suggested text discipline inspection starts the draft from, and the
 * printable letter. Both are files named in the settings and read each time, so an administrator can change the
 * wording without a rebuild. A template says {@code {{name}}} where a value goes; a name the template does not know
 * is an error rather than a gap in a letter. In the printable letter every value is HTML-escaped, and each line of
 * the letter's text becomes a paragraph ({@code {{letterParagraphs}}}).
 */
@Component
public class IntegrityLetterDocuments {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final EarlyWarningSettings settings;
    private final BusinessClock clock;

    public IntegrityLetterDocuments(EarlyWarningSettings settings, BusinessClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The text a draft starts from, with the department's figures and the reason filled in. */
    public String suggestedText(String departmentName, String reason, ComplaintCounts counts) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("departmentName", departmentName);
        values.put("reason", reason);
        values.put("windowDays", String.valueOf(counts.windowDays()));
        values.put("complaintsInWindow", String.valueOf(counts.inWindow()));
        values.put("latestMonthLabel", counts.latestMonthLabel());
        values.put("complaintsLatestMonth", String.valueOf(counts.latestMonthCount()));
        values.put("previousMonthLabel", counts.previousMonthLabel());
        values.put("complaintsPreviousMonth", String.valueOf(counts.previousMonthCount()));
        values.put("today", DAY.format(clock.now()));
        values.put("issuer", settings.issuer());
        return fill(read(settings.textTemplate()), values).strip();
    }

    /** The printable letter (HTML) of a letter that is being sent with {@code replyDue}. */
    public String render(IntegrityLetter letter, String letterText, Date sentAt, Date replyDue) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuer", settings.issuer());
        values.put("letterNumber", letter.number());
        values.put("departmentName", letter.departmentName());
        values.put("reason", letter.reason());
        values.put("windowDays", String.valueOf(letter.windowDays()));
        values.put("complaintsInWindow", String.valueOf(letter.complaintsInWindow()));
        values.put("latestMonthLabel", letter.latestMonthLabel());
        values.put("complaintsLatestMonth", String.valueOf(letter.complaintsLatestMonth()));
        values.put("previousMonthLabel", letter.previousMonthLabel());
        values.put("complaintsPreviousMonth", String.valueOf(letter.complaintsPreviousMonth()));
        values.put("sentDate", DAY.format(sentAt.toInstant().atZone(clock.zone())));
        values.put("replyDue", DAY_AND_TIME.format(replyDue.toInstant().atZone(clock.zone())));
        values.replaceAll((name, value) -> escapeHtml(value));
        // each line of the text its own paragraph, every line escaped
        values.put("letterParagraphs", letterText.lines().filter(line -> !line.isBlank())
                .map(line -> "<p class=\"text\">" + escapeHtml(line.strip()) + "</p>")
                .collect(Collectors.joining("\n")));
        return fill(read(settings.documentTemplate()), values);
    }

    /** A date and time as letters and forms show it. */
    public String display(Date instant) {
        return DAY_AND_TIME.format(instant.toInstant().atZone(clock.zone()));
    }

    /** Puts the values in place of the template's placeholders, as they are. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalStateException("unknown placeholder {{" + name + "}} in integrity letter template; known: "
                        + values.keySet());
            }
            String value = values.get(name) == null ? "" : values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escapeHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(Resource template) {
        try (InputStream in = template.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read integrity letter template " + template, e);
        }
    }
}
