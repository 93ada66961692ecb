package io.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The statements' files: each describes what it is filled with, and a mistake in filling one fails at once. */
class SqlTemplateTest {

    private static final Path SQL = Path.of("src/main/resources/io/tokenledger/ingest/sql");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[a-z_]+}}");

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(SQL)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theTopOfEachFileDescribesItsPlaceholdersAndBinds(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header =
                lines.stream().takeWhile(line -> line.startsWith("--")).toList();
        String top = String.join("\n", header);
        assertThat(top)
                .as("%s describes its placeholders and binds at its top", file.getFileName())
                .contains("Placeholders")
                .contains("Binds");
        String body = String.join("\n", lines.subList(header.size(), lines.size()));
        Matcher placeholders = PLACEHOLDER.matcher(body.replaceAll("(?m)^\\s*--.*$", ""));
        while (placeholders.find()) {
            assertThat(top)
                    .as("%s describes %s at its top", file.getFileName(), placeholders.group())
                    .contains(placeholders.group());
        }
    }

    @Test
    void aPlaceholderTheFileLacksFails() {
        assertThatThrownBy(() -> SqlTemplate.load("reprice-open").with("costs", "0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reprice-open.sql has no placeholder {{costs}}");
    }

    @Test
    void aPlaceholderLeftUnfilledFails() {
        assertThatThrownBy(() ->
                        SqlTemplate.load("reprice-closed").with("cost", "0").sql())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reprice-closed.sql: placeholder {{rollup_sums}} is not filled");
    }

    @Test
    void aFileThatIsNotThereFails() {
        assertThatThrownBy(() -> SqlTemplate.load("reprice-everything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sql/reprice-everything.sql");
    }

    @Test
    void commentLinesAreLeftOutAndFragmentsOfSeveralLinesKeepTheirPlaceholdersIndentation() {
        String sql = SqlTemplate.load("reprice-rebuild-rollups")
                .with("rollup_sums", "a, b")
                .with("rollup_sums_of_events", "sum(e.a),\nsum(e.b)")
                .sql();

        assertThat(sql).doesNotContain("--").startsWith("with combos as").contains("\n    sum(e.a),\n    sum(e.b)\n");
    }
}
