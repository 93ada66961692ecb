package io.tokenledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;

/** Collects the figures of a run and renders them as the Markdown kept in bench/results. */
final class Report {

    private final StringBuilder environment = new StringBuilder();
    private final StringBuilder ingest = new StringBuilder();
    private final StringBuilder ingestCpu = new StringBuilder();
    private final StringBuilder ingestAtOnce = new StringBuilder();
    private String ingestAtOnceCpu = "";
    private final StringBuilder queries = new StringBuilder();
    private String load = "";

    /** The machine and the server: {@code externalUrl} is null for the embedded one. */
    void environment(DataSource dataSource, String externalUrl, String ids) throws SQLException {
        String postgres;
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            postgres = setting(statement, "show server_version")
                    + (externalUrl == null
                            ? " (embedded, zonky binaries, as the service runs it"
                            // without its parameters, which may carry a password
                            : " (at " + externalUrl.replaceFirst("\\?.*", ""))
                    + "; fsync " + setting(statement, "show fsync")
                    + ", synchronous_commit " + setting(statement, "show synchronous_commit")
                    + ", shared_buffers " + setting(statement, "show shared_buffers")
                    + ", work_mem " + setting(statement, "show work_mem")
                    + ", max_wal_size " + setting(statement, "show max_wal_size")
                    + "; compiled with " + optimization(statement) + ")";
        }
        environment.append(String.format(
                Locale.ROOT,
                "- date: %s%n- machine: %d cores, %s memory%n- JDK: %s %s, max heap %d MB%n- PostgreSQL: %s%n"
                        + "- event ids: %s%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                memory(),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                postgres,
                ids.equals("guid")
                        ? "random GUIDs, as APIM's context.RequestId (--ids=guid)"
                        : "bench-<n>, consecutive (--ids=sequential)"));
    }

    private static String setting(Statement statement, String query) throws SQLException {
        try (var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * The optimization flags the server was built with ({@code -Os} for zonky's binaries, {@code -O2} for most
     * distributions' packages), from {@code pg_config}, which only a superuser may read.
     */
    private static String optimization(Statement statement) {
        try {
            String flags = setting(statement, "select setting from pg_config where name = 'CFLAGS'");
            String found = Arrays.stream(flags.split("\\s+"))
                    .filter(flag -> flag.matches("-O[0-3sgz]?"))
                    .reduce((first, last) -> last)
                    .orElse("no -O flag");
            return found + " (pg_config's CFLAGS)";
        } catch (SQLException e) {
            return "flags unknown (pg_config needs a superuser)";
        }
    }

    void ingest(int batchSize, long events, long pipelineNanos, long plainNanos, long keyedNanos) {
        ingest.append(
                rates(String.format(Locale.ROOT, "| %,d ", batchSize), events, pipelineNanos, plainNanos, keyedNanos));
    }

    /** Rates of {@code streams} batches at a time, each round timed from its start to its last commit. */
    void ingestAtOnce(int batchSize, int streams, long events, long pipelineNanos, long plainNanos, long keyedNanos) {
        ingestAtOnce.append(rates(
                String.format(Locale.ROOT, "| %,d | %d ", batchSize, streams),
                events,
                pipelineNanos,
                plainNanos,
                keyedNanos));
    }

    /** Per round of batches at once: wall time, and the CPU that PostgreSQL and this JVM used in it. */
    void ingestAtOnceCpu(long rounds, long pipelineNanos, long postgresMillis, long jvmNanos) {
        ingestAtOnceCpu = String.format(
                Locale.ROOT,
                "%nPer round of the pipeline: %.1f ms, in which PostgreSQL used %s ms of CPU and this JVM %s ms"
                        + " (%d cores: %.0f core-ms per round).%n",
                ms(pipelineNanos) / rounds,
                postgresMillis < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) postgresMillis / rounds),
                jvmNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", ms(jvmNanos) / rounds),
                Runtime.getRuntime().availableProcessors(),
                ms(pipelineNanos) / rounds * Runtime.getRuntime().availableProcessors());
    }

    private static String rates(String keys, long events, long pipelineNanos, long plainNanos, long keyedNanos) {
        double pipeline = rate(events, pipelineNanos);
        double plain = rate(events, plainNanos);
        double keyed = rate(events, keyedNanos);
        return keys
                + String.format(
                        Locale.ROOT,
                        "| %,d | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n",
                        events,
                        pipeline,
                        plain,
                        keyed,
                        pipeline / plain,
                        pipeline / keyed);
    }

    /** Where a pipeline batch's time goes: the database's CPU, the ingesting thread's, the rest (waiting, disk). */
    void ingestCpu(
            int batchSize, long batches, long pipelineNanos, long postgresMillis, long threadNanos, long keyedNanos) {
        ingestCpu.append(String.format(
                Locale.ROOT,
                "| %,d | %.1f | %s | %.1f | %.1f |%n",
                batchSize,
                ms(pipelineNanos) / batches,
                postgresMillis < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) postgresMillis / batches),
                ms(threadNanos) / batches,
                ms(keyedNanos) / batches));
    }

    void load(long events, long nanos, long stored) {
        load = String.format(
                Locale.ROOT,
                "Loading the rest: %,d events in batches of 10,000 at %,.0f events/s through the pipeline; %,d events"
                        + " stored in all.%n",
                events,
                rate(events, nanos),
                stored);
    }

    void query(String name, int rows, long p50, long p95, long max) {
        queries.append(String.format(
                Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", name, rows, ms(p50), ms(p95), ms(max)));
    }

    String text() {
        return "# Pipeline benchmark\n\n" + environment
                + "\n## Ingest: production pipeline vs COPY of the same rows\n\n"
                + "Pipeline = normalize → validate → dedupe → resolve tenant → price → events and daily rollups in"
                + " one transaction per batch. COPY = the same columns into a table like usage_event with no index"
                + " (plain) and with only its unique key (keyed), one committed COPY per batch.\n\n"
                + "| batch | events | pipeline events/s | COPY plain events/s | COPY keyed events/s |"
                + " pipeline / plain | pipeline / keyed |\n|---:|---:|---:|---:|---:|---:|---:|\n"
                + ingest
                + "\nPer pipeline batch: wall time, CPU of the PostgreSQL server (all its processes, from /proc in 10 ms"
                + " ticks summed over the batches) and of the ingesting thread (the after-commit budget check and"
                + " source status included), next to the keyed COPY of the same rows.\n\n"
                + "| batch | pipeline ms | PostgreSQL CPU ms | ingest thread CPU ms | COPY keyed ms |\n"
                + "|---:|---:|---:|---:|---:|\n"
                + ingestCpu
                + "\nTwo batches at once, as the service ingests concurrent requests or Event Hubs partitions: the"
                + " pipeline on two threads next to COPY of the same rows on two connections, in rounds (a round's"
                + " batches start together, through the pipeline, then COPY plain, then COPY keyed; each is timed from"
                + " the start to the last commit).\n\n"
                + "| batch | at once | events | pipeline events/s | COPY plain events/s | COPY keyed events/s |"
                + " pipeline / plain | pipeline / keyed |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + ingestAtOnce
                + ingestAtOnceCpu
                + "\n" + load
                + "\n## Ledger queries (through Ledgers, as the API runs them)\n\n"
                + "| query | rows | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n"
                + queries;
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text());
    }

    private static double rate(long events, long nanos) {
        return events / (nanos / 1e9);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return (os.getTotalMemorySize() / (1024L * 1024 * 1024)) + " GiB";
        }
        return "unknown";
    }
}
