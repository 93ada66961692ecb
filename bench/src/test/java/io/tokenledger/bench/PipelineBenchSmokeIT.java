package io.tokenledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of {@code bench/pipeline}'s harness from end to end on its own embedded PostgreSQL: ingest next to
 * COPY for both batch sizes, one at a time and two at once, loading the rest, the ledger queries, the report. It checks that the harness works, not
 * how fast anything is.
 */
class PipelineBenchSmokeIT {

    @Test
    void aSmallRunWritesEveryPartOfTheReport(@TempDir Path work) throws Exception {
        Path out = work.resolve("pipeline.md");

        BenchMain.main(new String[] {"--events=100000", "--data-dir=" + work.resolve("pg"), "--out=" + out});

        String report = Files.readString(out);
        assertThat(report)
                .containsPattern(
                        "- PostgreSQL: \\d+\\.\\d+ \\(embedded, zonky binaries.*; fsync on, synchronous_commit on,"
                                + ".*; compiled with -O[0-3sgz]? \\(pg_config's CFLAGS\\)\\)")
                .contains("- event ids: random GUIDs")
                .containsPattern(
                        "\\| 1,000 \\| 25,000 \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\| \\d\\.\\d\\d \\| \\d\\.\\d\\d \\|")
                .containsPattern(
                        "\\| 10,000 \\| 50,000 \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\| \\d\\.\\d\\d \\| \\d\\.\\d\\d \\|")
                .containsPattern(
                        "\\| 10,000 \\| 2 \\| 20,000 \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+ \\| \\d\\.\\d\\d \\| \\d\\.\\d\\d \\|")
                .containsPattern("Per round of the pipeline: [\\d.]+ ms, in which PostgreSQL used [\\d.]+ ms of CPU")
                .contains("Loading the rest: 5,000 events in batches of 10,000")
                .contains("100,000 events stored in all")
                .containsPattern("\\| month by tenant \\| \\d+ \\|")
                .containsPattern("\\| … first page of 5000 \\| [\\d,]+ \\|")
                .containsPattern("\\| one tenant's month by deployment × day \\| [\\d,]+ \\|");
    }
}
