package io.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Rendered SQL kept as files beside the tests ({@code src/test/resources/io/tokenledger/ingest/sql-snapshots}), one
 * statement a file, so that a change to a statement shows in review as the diff of its file. Run with
 * {@code -Dsnapshots.update=true} to rewrite them from the code.
 */
final class SqlSnapshots {

    static final Path DIRECTORY = Path.of("src/test/resources/io/tokenledger/ingest/sql-snapshots");
    static final boolean UPDATE = Boolean.getBoolean("snapshots.update");

    private static final String HOW_TO_UPDATE = "the SQL of %s differs from its snapshot %s. If the change is meant,"
            + " rewrite the snapshots with `./mvnw -pl ingest -am test -Dtest=MoneyPathSqlSnapshotTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dsnapshots.update=true` and review their diff";

    private SqlSnapshots() {}

    static void assertMatches(String name, String sql) {
        Path file = file(name);
        String rendered = sql + "\n";
        try {
            if (UPDATE) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, rendered);
                return;
            }
            assertThat(file)
                    .as("snapshot of %s (create it with -Dsnapshots.update=true)", name)
                    .exists();
            assertThat(rendered).as(HOW_TO_UPDATE, name, file).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes, when updating, or else fails on, snapshot files that no statement has any more. */
    static void assertNoneBut(Set<String> names) {
        Set<String> stale = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.filter(file -> !names.contains(file.getFileName().toString().replaceFirst("\\.sql$", "")))
                    .forEach(file -> stale.add(file.getFileName().toString()));
            if (UPDATE) {
                for (String name : stale) {
                    Files.delete(DIRECTORY.resolve(name));
                }
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(stale)
                .as("snapshots in %s of no statement (remove them with -Dsnapshots.update=true)", DIRECTORY)
                .isEmpty();
    }

    private static Path file(String name) {
        return DIRECTORY.resolve(name + ".sql");
    }
}
