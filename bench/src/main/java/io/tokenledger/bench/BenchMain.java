package io.tokenledger.bench;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.ledger.Ledgers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of the pipeline benchmark: ingest rate for batches of 1k and 10k next to COPY of the same rows, one batch
 * at a time and then two at once (as the service takes concurrent requests or partitions), then ledger queries once
 * {@code --events} events are stored. Prints a report and writes it to {@code --out}.
 *
 * <p>Arguments: {@code --events=10000000 --data-dir=DIR --out=FILE --ids=guid}. Event ids are random GUIDs by
 * default, as APIM sends its {@code context.RequestId}; {@code --ids=sequential} gives {@code bench-<n>} instead,
 * whose consecutive values the unique key (of the pipeline and of keyed COPY alike) inserts side by side.
 *
 * <p>The database is the embedded PostgreSQL in {@code --data-dir}, as the service runs it, unless {@code
 * --db-url=jdbc:postgresql://…} (with {@code --db-user}, {@code --db-password}) names another server: an empty
 * database of its own, which the run fills. {@code --data-dir} then names that server's data directory, if it runs on
 * this machine, for its CPU time; without it the CPU columns read n/a.
 */
public final class BenchMain {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    static final int DAYS = 92;
    /** Batches ingested at the same time in the concurrent part: one per core of the machine this targets. */
    private static final int STREAMS = 2;
    /** The smallest run that gives every ingest part whole batches (the smoke test's size). */
    static final long MIN_EVENTS = 100_000;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(option(args, "events", "10000000"));
        if (events < MIN_EVENTS) {
            // fewer leave a part of the report without a single batch (rates of nothing)
            throw new IllegalArgumentException("--events: at least " + MIN_EVENTS
                    + ", so that every part (1k, 10k, two at once) gets whole batches; was " + events);
        }
        String dataDirOption = option(args, "data-dir", "");
        String dbUrl = option(args, "db-url", "");
        // a fresh directory only when none is given (bench/pipeline gives one and removes it afterwards)
        Path dataDir = !dataDirOption.isEmpty()
                ? Path.of(dataDirOption)
                : dbUrl.isEmpty() ? Files.createTempDirectory("tokenledger-bench") : null;
        List<String> database = dbUrl.isEmpty()
                ? List.of("--tokenledger.db.embedded.data-dir=" + dataDir)
                : List.of(
                        "--spring.datasource.url=" + dbUrl,
                        "--spring.datasource.username=" + option(args, "db-user", "postgres"),
                        "--spring.datasource.password=" + option(args, "db-password", ""));
        Path out = Path.of(option(args, "out", "bench/results/pipeline-latest.md"));
        String ids = option(args, "ids", "guid");
        if (!ids.equals("guid") && !ids.equals("sequential")) {
            throw new IllegalArgumentException("--ids: guid or sequential, not " + ids);
        }
        Report report = new Report();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .run(Stream.concat(
                                database.stream(),
                                Stream.of("--spring.main.banner-mode=off", "--logging.level.root=warn"))
                        .toArray(String[]::new))) {
            report.environment(context.getBean(DataSource.class), dbUrl.isEmpty() ? null : dbUrl, ids);
            SyntheticTraffic traffic = new SyntheticTraffic(events, LAST_DAY, DAYS, ids.equals("guid"));
            publishRateCards(context.getBean(RateCards.class));
            IngestPipeline pipeline = context.getBean(IngestPipeline.class);
            BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
            long next = 0;
            PostgresCpu postgresCpu = new PostgresCpu(dataDir);
            try (CopyBaseline copy = new CopyBaseline(context.getBean(DataSource.class), calendar, STREAMS)) {
                IngestMeasurement ingest = new IngestMeasurement(report, traffic, pipeline, copy, postgresCpu);
                next = ingest.oneAtATime(next, 1_000, Math.min(200_000, events / 4));
                next = ingest.oneAtATime(next, 10_000, Math.min(1_000_000, events / 2));
                next = ingest.atOnce(next, STREAMS, 10_000, Math.min(1_000_000, events / 4));
                copy.dropTables();
            }
            next = load(report, traffic, pipeline, next, events);
            new LedgerQueries(context.getBean(Ledgers.class), context.getBean(DataSource.class))
                    .measure(report, LAST_DAY.withDayOfMonth(1), LAST_DAY, SyntheticTraffic.tenant(0));
        }
        report.write(out);
        System.out.println(report.text());
    }

    /** The events as the parsers hand them to the pipeline. */
    static List<ParsedRecord> valid(List<UsageEvent> events) {
        return events.stream()
                .<ParsedRecord>map(event -> new ParsedRecord.Valid(0, event.id(), event))
                .toList();
    }

    private static long load(
            Report report, SyntheticTraffic traffic, IngestPipeline pipeline, long first, long events) {
        int batchSize = 10_000;
        long began = System.nanoTime();
        long next = first;
        long lastPrint = began;
        while (next < events) {
            int size = (int) Math.min(batchSize, events - next);
            List<ParsedRecord> records = valid(traffic.batch(next, size));
            pipeline.ingest("bench", records);
            next += size;
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "  loaded %,d of %,d events%n", next, events);
            }
        }
        report.load(next - first, System.nanoTime() - began, next);
        return next;
    }

    private static void publishRateCards(RateCards rateCards) {
        // 25 of 30 deployments priced; the rest stays unpriced as in real installations
        for (int i = 0; i < SyntheticTraffic.DEPLOYMENTS - 5; i++) {
            BigDecimal prompt = new BigDecimal("0.15").multiply(BigDecimal.valueOf(1 + i % 6));
            rateCards.publish(
                    new NewRateCard(
                            SyntheticTraffic.deployment(i),
                            rateCards.reportingCurrency(),
                            LocalDate.of(2025, 1, 1),
                            new Prices(
                                    prompt,
                                    prompt.divide(BigDecimal.TWO),
                                    prompt.multiply(BigDecimal.valueOf(4)),
                                    prompt.multiply(BigDecimal.valueOf(4)))),
                    "bench");
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
