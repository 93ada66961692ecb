package io.tokenledger.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.tokenledger.db.jooq.DefaultSchema;
import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.Tables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Key;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the table of ARCHITECTURE.md ("who writes and who reads each table") against the code of every module: the
 * generated jOOQ references in the compiled classes, and the SQL text in string literals and {@code .sql}
 * resources. A module that writes a table it does not own, or reads one it is not listed as reading, fails this
 * test; so does a row of the table that the code no longer bears out. The {@code db} module owns the schema itself
 * (migrations, triggers) and is not scanned.
 */
class TableOwnershipTest {

    private static final List<String> MODULES = List.of("pricing", "ingest", "reporting", "web");
    private static final Path ROOT = Path.of("..");

    /** A DML verb followed by the table it changes, in SQL text. */
    private static final Pattern SQL_WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|copy)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** A table named after a keyword that introduces one, in SQL text. */
    private static final Pattern SQL_REFERENCE = Pattern.compile(
            "\\b(?:from|join|into|update|table|copy)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    /** What SQL has and prose has not; literals without any of it are not read as SQL. */
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "\\b(?:select|insert\\s+into|delete\\s+from|on\\s+conflict|group\\s+by|order\\s+by|returning|join|"
                    + "update\\s+[a-z_]+\\s+(?:as\\s+)?(?:[a-z]+\\s+)?set)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A jOOQ statement that changes the table (or alias) it is given. */
    private static final Pattern JOOQ_WRITE = Pattern.compile(
            "\\.(?:insertInto|update|deleteFrom|delete|mergeInto|truncate)\\(\\s*([A-Za-z_][A-Za-z0-9_]*)");

    /** A local alias of a generated table: {@code var w = APPINSIGHTS_WATERMARK} or {@code X.as("x")}. */
    private static final Pattern JOOQ_ALIAS =
            Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\s*=\\s*(?:Tables\\.)?([A-Z][A-Z0-9_]*)\\s*(?:;|\\.as\\()");

    private static Map<String, String> tableOfConstant;
    private static Set<String> schemaTables;
    private static Map<String, Declared> declared;

    /** A row of ARCHITECTURE.md's table. */
    record Declared(String owner, Set<String> readers) {}

    @BeforeAll
    static void readSchemaAndDocs() throws Exception {
        tableOfConstant = new HashMap<>();
        for (Field field : Tables.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Table<?> table) {
                tableOfConstant.put(field.getName(), table.getName());
            }
        }
        schemaTables = new TreeSet<>();
        DefaultSchema.DEFAULT_SCHEMA.getTables().forEach(table -> schemaTables.add(table.getName()));
        schemaTables.remove("flyway_schema_history");
        declared = declaredTables(Files.readString(ROOT.resolve("ARCHITECTURE.md")));
    }

    @Test
    void everyTableHasExactlyOneRowNamingItsOwner() {
        assertThat(declared.keySet())
                .as("tables in ARCHITECTURE.md's table of who writes and reads each table")
                .containsExactlyInAnyOrderElementsOf(schemaTables);
        declared.forEach((table, row) ->
                assertThat(MODULES).as("the module that writes %s", table).contains(row.owner()));
    }

    @Test
    void onlyTheOwnerOfATableWritesIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String module : MODULES) {
            for (Map.Entry<String, Set<String>> write : writes(module).entrySet()) {
                Declared row = declared.get(write.getKey());
                if (row != null && !row.owner().equals(module)) {
                    wrong.add(module + " writes " + write.getKey() + " (owned by " + row.owner() + ") in "
                            + write.getValue());
                }
            }
        }
        assertThat(wrong).as("writes by a module that does not own the table").isEmpty();
    }

    @Test
    void aModuleReadsOnlyTheTablesItOwnsOrIsListedAsReading() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Set<String>>> referencesByModule = references();
        referencesByModule.forEach((module, tables) -> tables.forEach((table, where) -> {
            Declared row = declared.get(table);
            if (row != null && !row.owner().equals(module) && !row.readers().contains(module)) {
                wrong.add(module + " reads " + table + " (owned by " + row.owner() + ", read by " + row.readers()
                        + ") in " + where);
            }
        }));
        assertThat(wrong)
                .as("reads that ARCHITECTURE.md does not list (add the module to the table's readers, or go through"
                        + " the owner's API)")
                .isEmpty();
    }

    @Test
    void theTableListsNoReaderOrOwnerThatTheCodeDoesNotBearOut() throws IOException {
        Map<String, Map<String, Set<String>>> referencesByModule = references();
        List<String> stale = new ArrayList<>();
        declared.forEach((table, row) -> {
            for (String reader : row.readers()) {
                if (!referencesByModule.getOrDefault(reader, Map.of()).containsKey(table)) {
                    stale.add(reader + " is listed as reading " + table + " but does not");
                }
            }
            if (!referencesByModule.getOrDefault(row.owner(), Map.of()).containsKey(table)) {
                stale.add(row.owner() + " is listed as writing " + table + " but does not touch it");
            }
        });
        assertThat(stale)
                .as("rows of ARCHITECTURE.md's table that no longer hold")
                .isEmpty();
    }

    /** Per module, the tables its code names (jOOQ in the classes, SQL in the sources), and where. */
    private static Map<String, Map<String, Set<String>>> references() throws IOException {
        Map<String, Map<String, Set<String>>> references = new TreeMap<>();
        JavaClasses classes = ProductionClasses.ALL;
        Map<String, String> tableOfClass = new HashMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            tableOfClass.put(table.getClass().getName(), table.getName());
            tableOfClass.put(table.getRecordType().getName(), table.getName());
        }
        Map<String, String> tableOfKey = new HashMap<>();
        for (Field field : Keys.class.getFields()) {
            try {
                if (field.get(null) instanceof Key<?> key) {
                    tableOfKey.put(field.getName(), key.getTable().getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        for (JavaClass javaClass : classes) {
            String module = javaClass.getPackageName().split("\\.")[2];
            if (!MODULES.contains(module)) {
                continue;
            }
            var tables = references.computeIfAbsent(module, m -> new TreeMap<>());
            javaClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                String target = dependency.getTargetClass().getName();
                String table = tableOfClass.get(target);
                if (table != null) {
                    tables.computeIfAbsent(table, t -> new TreeSet<>()).add(javaClass.getSimpleName());
                }
            });
            javaClass.getFieldAccessesFromSelf().forEach(access -> {
                String owner = access.getTargetOwner().getName();
                String name = access.getTarget().getName();
                String table = owner.equals(Tables.class.getName())
                        ? tableOfConstant.get(name)
                        : owner.equals(Keys.class.getName()) ? tableOfKey.get(name) : tableOfClass.get(owner);
                if (table != null) {
                    tables.computeIfAbsent(table, t -> new TreeSet<>()).add(javaClass.getSimpleName());
                }
            });
        }
        for (String module : MODULES) {
            var tables = references.computeIfAbsent(module, m -> new TreeMap<>());
            for (SourceText source : sources(module)) {
                for (String literal : source.sql()) {
                    Matcher named = SQL_REFERENCE.matcher(literal);
                    while (named.find()) {
                        addIfTable(tables, named.group(1), source.name());
                    }
                    // a table name passed on its own, to be put into a statement
                    if (literal.strip().contains("_")) {
                        addIfTable(tables, literal.strip(), source.name());
                    }
                }
            }
        }
        return references;
    }

    /** Per table, where {@code module} writes it: jOOQ DML in its sources and DML in its SQL text. */
    private static Map<String, Set<String>> writes(String module) throws IOException {
        Map<String, Set<String>> writes = new TreeMap<>();
        for (SourceText source : sources(module)) {
            for (String literal : source.sql()) {
                Matcher write = SQL_WRITE.matcher(literal);
                while (write.find()) {
                    addIfTable(writes, write.group(1), source.name());
                }
            }
            Map<String, String> aliases = new HashMap<>();
            Matcher alias = JOOQ_ALIAS.matcher(source.code());
            while (alias.find()) {
                aliases.put(alias.group(1), alias.group(2));
            }
            Matcher write = JOOQ_WRITE.matcher(source.code());
            while (write.find()) {
                String constant = aliases.getOrDefault(write.group(1), write.group(1));
                String table = tableOfConstant.get(constant);
                if (table != null) {
                    writes.computeIfAbsent(table, t -> new TreeSet<>()).add(source.name());
                }
            }
        }
        return writes;
    }

    private static void addIfTable(Map<String, Set<String>> tables, String word, String where) {
        String name = word.toLowerCase();
        if (schemaTables.contains(name)) {
            tables.computeIfAbsent(name, t -> new TreeSet<>()).add(where);
        }
    }

    /** A source file of a module: its code without comments and the SQL it holds (string literals, or the file). */
    record SourceText(String name, String code, List<String> sql) {}

    private static List<SourceText> sources(String module) throws IOException {
        Path main = ROOT.resolve(module).resolve("src/main");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        List<SourceText> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                if (name.endsWith(".java")) {
                    JavaText java = JavaText.of(text);
                    List<String> sql = java.literals().stream()
                            .filter(literal -> LOOKS_LIKE_SQL.matcher(literal).find()
                                    || literal.strip().matches("[a-z]+_[a-z_0-9]+"))
                            .toList();
                    sources.add(new SourceText(name, java.code(), sql));
                } else if (name.endsWith(".sql")) {
                    sources.add(new SourceText(name, "", List.of(SqlText.withoutComments(text))));
                }
            }
        }
        return sources;
    }

    /** Reads ARCHITECTURE.md's table: {@code | `table` | owner | reader, reader |} (a dash for no reader). */
    static Map<String, Declared> declaredTables(String markdown) {
        Map<String, Declared> rows = new TreeMap<>();
        Pattern row =
                Pattern.compile("^\\|\\s*`([a-z_0-9]+)`\\s*\\|\\s*([a-z]+)\\s*\\|\\s*([^|]*)\\|", Pattern.MULTILINE);
        Matcher matcher = row.matcher(markdown);
        while (matcher.find()) {
            Set<String> readers = new TreeSet<>();
            for (String reader : matcher.group(3).split(",")) {
                String trimmed = reader.strip();
                if (!trimmed.isEmpty() && !trimmed.equals("—") && !trimmed.equals("-")) {
                    readers.add(trimmed);
                }
            }
            Declared previous = rows.put(matcher.group(1), new Declared(matcher.group(2), readers));
            assertThat(previous).as("a second row for %s", matcher.group(1)).isNull();
        }
        return rows;
    }
}
