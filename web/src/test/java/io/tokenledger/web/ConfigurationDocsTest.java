package io.tokenledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/**
 * The settings table in README.md "Configuration" is the settings records' own description, not a copy that drifts
 * from them: every module's configuration processor writes {@code META-INF/spring-configuration-metadata.json} (names,
 * Javadoc, defaults of its record), every module is on web's class path, and this test holds the table against all
 * of them, as QueryInDocsTest holds the documented KQL against the query.
 *
 * <p>How a row is read: the first cell names one or more settings in backticks, separated by {@code " / "}; a name
 * after the first may be written relative to the first one's parent ({@code `tokenledger.security.throttle.max-failures`
 * / `max-failures-per-address`}); a name ending in {@code .*} stands for every setting under it (the keys of a map);
 * an UPPER_CASE name is an environment variable. The second cell gives the defaults in the same order, separated the
 * same way: a value in backticks (text around it is a remark), or — for none. A wildcard gives no default.
 */
class ConfigurationDocsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String OURS = "tokenledger.";

    private static Map<String, ConfigurationMetadataProperty> metadata;
    private static List<Row> table;

    /** One setting named in the table, with the default its row gives ({@code null}: none; "*": a wildcard). */
    record Named(String name, String documentedDefault, String row) {

        boolean wildcard() {
            return name.endsWith(".*");
        }

        boolean covers(String property) {
            String prefix = name.substring(0, name.length() - 1);
            return wildcard()
                    ? property.startsWith(prefix) || property.equals(name.substring(0, name.length() - 2))
                    : property.equals(name);
        }
    }

    record Row(String text, List<Named> settings) {}

    @BeforeAll
    static void readMetadataAndTable() throws IOException {
        ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
        for (URL resource : Collections.list(ConfigurationDocsTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = resource.openStream()) {
                builder.withJsonResource(in);
            }
        }
        metadata = builder.build().getAllProperties();
        table = settingsTable(Files.readString(Path.of("..", "README.md")));
    }

    @Test
    void everyModuleWritesItsMetadataWithDescriptions() {
        List<String> ours = ours();
        for (String prefix : List.of("db", "business-zone", "pricing", "ingest", "reporting", "alerts", "security")) {
            assertThat(ours).as("settings of " + OURS + prefix).anyMatch(name -> name.startsWith(OURS + prefix));
        }
        assertThat(ours)
                .as("settings without a description (a record component without @param in its Javadoc)")
                .filteredOn(name -> blank(metadata.get(name).getDescription()))
                .isEmpty();
    }

    @Test
    void everySettingHasARow() {
        List<Named> named = named();
        assertThat(ours())
                .as("settings missing from README.md \"Configuration\"")
                .filteredOn(property -> named.stream().noneMatch(setting -> setting.covers(property)))
                .isEmpty();
    }

    @Test
    void everyRowNamesSettingsThatExist() {
        assertThat(named())
                .as("settings in README.md \"Configuration\" that no module has")
                .filteredOn(setting -> !setting.wildcard() && !metadata.containsKey(setting.name())
                        || setting.wildcard() && metadata.keySet().stream().noneMatch(setting::covers))
                .extracting(Named::row)
                .isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheRecordsDefault() {
        Map<String, String> wrong = new TreeMap<>();
        for (Named setting : named()) {
            if (!setting.name().startsWith(OURS)) {
                continue; // Spring Boot's settings: this application's defaults for them are in application.yml
            }
            if (setting.wildcard()) {
                if (setting.documentedDefault() != null) {
                    wrong.put(
                            setting.name(),
                            "a wildcard gives no default, the table gives " + setting.documentedDefault());
                }
                continue;
            }
            ConfigurationMetadataProperty property = metadata.get(setting.name());
            if (property == null) {
                continue; // everyRowNamesSettingsThatExist says so
            }
            String actual = text(property);
            String documented = setting.documentedDefault() == null ? "" : setting.documentedDefault();
            if (!documented.equals(actual)) {
                wrong.put(
                        setting.name(),
                        "README says " + describe(setting.documentedDefault()) + ", the record "
                                + describe(actual.isEmpty() ? null : actual));
            }
        }
        assertThat(wrong).as("defaults in README.md \"Configuration\"").isEmpty();
    }

    private static List<String> ours() {
        return metadata.keySet().stream()
                .filter(name -> name.startsWith(OURS))
                .sorted()
                .toList();
    }

    private static List<Named> named() {
        return table.stream().flatMap(row -> row.settings().stream()).toList();
    }

    private static List<Row> settingsTable(String readme) {
        String section = readme.substring(readme.indexOf("\n## Configuration\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<Row> rows = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue; // prose, the header and its rule
            }
            String[] cells = line.split("\\|");
            rows.add(new Row(line, settings(line, cells[1], cells[2])));
        }
        assertThat(rows).as("rows of the settings table").hasSizeGreaterThan(20);
        return rows;
    }

    private static List<Named> settings(String row, String nameCell, String defaultCell) {
        List<String> names = new ArrayList<>();
        String first = null;
        for (String part : nameCell.split(" / ")) {
            String name = code(part, row);
            if (ENVIRONMENT_VARIABLE.matcher(name).matches()) {
                continue;
            }
            if (first == null) {
                first = name;
            } else if (!name.startsWith(first.substring(0, first.indexOf('.') + 1))) {
                String base = first.endsWith(".*") ? first.substring(0, first.length() - 2) : first;
                name = base.substring(0, base.lastIndexOf('.') + 1) + name;
            }
            names.add(name);
        }
        String[] defaults = defaultCell.split(" / ");
        assertThat(defaults.length == names.size() || defaults.length == 1 && none(defaults[0]))
                .as("one default (or —) per setting in " + row)
                .isTrue();
        return IntStream.range(0, names.size())
                .mapToObj(i -> new Named(
                        names.get(i),
                        defaults.length == 1 && names.size() > 1 ? null : defaultOf(defaults[i], row),
                        row))
                .toList();
    }

    private static String defaultOf(String part, String row) {
        return none(part) ? null : code(part, row);
    }

    private static boolean none(String defaultPart) {
        return defaultPart.strip().startsWith("—");
    }

    private static String code(String text, String row) {
        Matcher code = CODE.matcher(text);
        assertThat(code.find())
                .as("a value in backticks in '" + text.strip() + "' of " + row)
                .isTrue();
        return code.group(1);
    }

    /** A metadata default as the table writes it: a list with its items separated by commas. */
    private static String text(ConfigurationMetadataProperty property) {
        Object value = property.getDefaultValue();
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(value))
                    .mapToObj(i -> String.valueOf(Array.get(value, i)))
                    .collect(Collectors.joining(","));
        }
        String text = String.valueOf(value);
        // the processor writes a record parameter's @DefaultValue({"a", "b"}) as the text of the list, "[a, b]"
        if (property.getType().startsWith("java.util.List<") && text.startsWith("[") && text.endsWith("]")) {
            return text.substring(1, text.length() - 1).replace(", ", ",");
        }
        return text;
    }

    private static String describe(String value) {
        return value == null ? "none" : "'" + value + "'";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
