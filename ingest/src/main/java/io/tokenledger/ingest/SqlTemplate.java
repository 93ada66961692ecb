package io.tokenledger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A statement (or a part of one) kept as a resource, {@code io/tokenledger/ingest/sql/<name>.sql}, so that it reads
 * as one piece of SQL. Its {@code {{named}}} placeholders stand for SQL fragments the code supplies once (the cost
 * formula, the mapping rules, the rollup columns); values are never filled in, they stay binds ({@code ?}). Comment
 * lines ({@code --}), which describe the statement, its placeholders and its binds for the reader of the file, are left
 * out of the SQL. A placeholder the file lacks, or one left unfilled, fails at once, naming the file: the statements
 * are rendered when the application starts.
 */
final class SqlTemplate {

    private final String name;
    private final String text;

    private SqlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The SQL of {@code sql/<name>.sql} beside this class, without its comment lines. */
    static SqlTemplate load(String name) {
        String resource = "sql/" + name + ".sql";
        try (InputStream in = SqlTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "No SQL resource " + resource + " in package " + SqlTemplate.class.getPackageName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .map(String::stripTrailing)
                    .collect(Collectors.joining("\n"))
                    .strip();
            return new SqlTemplate(name + ".sql", text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + resource, e);
        }
    }

    /**
     * Fills every {@code {{placeholder}}} with {@code sql}. The lines of a fragment of several lines after its first
     * are indented as the placeholder's line is; a placeholder alone on its line and filled with nothing takes the line
     * with it.
     */
    SqlTemplate with(String placeholder, String sql) {
        String marker = "{{" + placeholder + "}}";
        if (!text.contains(marker)) {
            throw new IllegalStateException(name + " has no placeholder " + marker);
        }
        String filled = text.lines()
                .filter(line -> !(sql.isEmpty() && line.strip().equals(marker)))
                .map(line -> line.replace(marker, sql.replace("\n", "\n" + indentation(line))))
                .collect(Collectors.joining("\n"));
        return new SqlTemplate(name, filled);
    }

    /** The SQL, every placeholder filled. */
    String sql() {
        int left = text.indexOf("{{");
        if (left >= 0) {
            throw new IllegalStateException(name + ": placeholder "
                    + text.substring(left, Math.max(text.indexOf("}}", left) + 2, left + 2)) + " is not filled");
        }
        return text;
    }

    private static String indentation(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
