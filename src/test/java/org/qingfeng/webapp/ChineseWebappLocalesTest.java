package org.qingfeng.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Simplified Chinese locale files for the Camunda webapps must cover every label of the English file that ships
 * in the camunda-webapp-webjar on the classpath, keep its placeholders and HTML, and really be Chinese. When a
 * Camunda upgrade adds labels, this test names the keys to translate.
 */
class ChineseWebappLocalesTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final String CONFIG = "META-INF/resources/webjars/camunda/app/%s/scripts/config.js";

    /** Angular-translate parameters ({{name}}), the "{}" counters, moment's %s / %d. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}|%[sd]");
    /** HTML tags (not the literal "<null>", "<Operation>" ... texts the webapps show). */
    private static final Pattern HTML_TAG = Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&[a-z]+;");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Labels that stay as they are in Chinese: names, formats, symbols. */
    private static final Set<String> UNTRANSLATED = Set.of("", "<", "<=", ">", ">=", "CSV", "Camunda", "ID", "ID*",
            "JSON", "Optimize", "YYYY-MM-DDTHH:mm:ss", "null");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void everyEnglishLabelHasAChineseTranslation(String app) throws IOException {
        JsonNode en = read(LOCALES.formatted(app, "en"));
        JsonNode zh = read(LOCALES.formatted(app, "zh"));

        assertThat(names(zh)).as("top-level entries of %s zh.json", app).isEqualTo(names(en));
        Set<String> missing = new TreeSet<>(names(en.get("labels")));
        missing.removeAll(names(zh.get("labels")));
        Set<String> unknown = new TreeSet<>(names(zh.get("labels")));
        unknown.removeAll(names(en.get("labels")));
        assertThat(missing).as("labels of %s en.json missing in zh.json", app).isEmpty();
        assertThat(unknown).as("labels in %s zh.json that en.json does not have", app).isEmpty();

        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.get("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            String english = label.getValue().asText();
            JsonNode chineseNode = zh.get("labels").get(label.getKey());
            if (!chineseNode.isTextual()) {
                problems.add(label.getKey() + ": not a text");
                continue;
            }
            String chinese = chineseNode.asText();
            if (!all(PLACEHOLDER, english).equals(all(PLACEHOLDER, chinese))) {
                problems.add(label.getKey() + ": placeholders " + all(PLACEHOLDER, english) + " became "
                        + all(PLACEHOLDER, chinese));
            }
            if (!all(HTML_TAG, english).equals(all(HTML_TAG, chinese))) {
                problems.add(label.getKey() + ": HTML " + all(HTML_TAG, english) + " became " + all(HTML_TAG, chinese));
            }
            if (!all(ENTITY, english).equals(all(ENTITY, chinese))) {
                problems.add(label.getKey() + ": entities " + all(ENTITY, english) + " became "
                        + all(ENTITY, chinese));
            }
            boolean symbolOnly = chinese.strip().matches("\\p{Punct}*|。");
            if (!CJK.matcher(chinese).find() && !symbolOnly && !UNTRANSLATED.contains(chinese.strip())
                    && !english.equals("s")) {
                problems.add(label.getKey() + ": not translated: " + chinese);
            }
            // "s" makes English plurals ("instance" + "s"); Chinese has none
            boolean pluralSuffix = english.equals("s") && chinese.isEmpty();
            if (english.isBlank() != chinese.isBlank() && !pluralSuffix) {
                problems.add(label.getKey() + ": blank in one language only");
            }
        }
        assertThat(problems).as("labels of %s zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreChinese(String app) throws IOException {
        JsonNode en = read(LOCALES.formatted(app, "en")).get("dateLocales");
        JsonNode zh = read(LOCALES.formatted(app, "zh")).get("dateLocales");
        assertSameShape(en, zh, "dateLocales");
        assertThat(zh.get("months").get(0).asText()).isEqualTo("一月");
        assertThat(zh.get("weekdays").get(1).asText()).isEqualTo("星期一");
        assertThat(zh.get("longDateFormat").get("LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(zh.get("relativeTime").get("past").asText()).isEqualTo("%s前");
        assertThat(zh.get("week").get("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void theAppConfigurationOffersChineseAndFallsBackToEnglish(String app) throws IOException {
        String config = text(CONFIG.formatted(app));
        assertThat(config).contains("export default")
                .containsPattern("availableLocales:\\s*\\['en', 'zh']")
                .containsPattern("fallbackLocale:\\s*'en'");
        if (app.equals("tasklist")) {
            assertThat(config).as("the built-in keyboard shortcuts stay").contains("claimTask", "startProcess");
        }
    }

    private void assertSameShape(JsonNode en, JsonNode zh, String path) {
        assertThat(zh.getNodeType()).as(path).isEqualTo(en.getNodeType());
        if (en.isObject()) {
            assertThat(names(zh)).as(path).isEqualTo(names(en));
            en.fieldNames().forEachRemaining(name -> assertSameShape(en.get(name), zh.get(name), path + "." + name));
        } else if (en.isArray()) {
            assertThat(zh.size()).as(path).isEqualTo(en.size());
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", ""));
        }
        found.sort(null);
        return found;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = stream(resource)) {
            return json.readTree(in);
        }
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = ChineseWebappLocalesTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as("%s on the classpath", resource).isNotNull();
        return in;
    }
}
