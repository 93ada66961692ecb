package io.tokenledger.workbookbench;

import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.excel.ChargebackWorkbooks;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generates the chargeback workbook of a synthetic month and reports time and peak heap. The month's rollups are
 * inserted set-based (one INSERT … SELECT over generate_series), the rate cards through the pricing module.
 * Arguments: data directory, tenants, deployments, runs, workbook file, results file.
 */
public final class WorkbookBench {

    @SpringBootApplication(scanBasePackages = "io.tokenledger")
    static class BenchApplication {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int tenants = Integer.parseInt(args[1]);
        int deployments = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path workbook = Path.of(args[4]);
        Path results = Path.of(args[5]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(
                        "tokenledger.db.embedded.data-dir=" + dataDir,
                        "tokenledger.reporting.schedules.enabled=false",
                        "tokenledger.ingest.eventhubs.enabled=false",
                        "spring.jooq.sql-dialect=postgres",
                        "logging.level.root=warn",
                        "logging.level.org.jooq=error")
                .run()) {
            DSLContext dsl = context.getBean(DSLContext.class);
            YearMonth period = YearMonth.now().minusMonths(1);
            long started = System.nanoTime();
            long rows = load(dsl, context.getBean(RateCards.class), period, tenants, deployments);
            double loadSeconds = seconds(started);
            System.out.printf(Locale.ROOT, "loaded %,d daily rollup rows in %.1f s%n", rows, loadSeconds);

            ChargebackWorkbooks workbooks = context.getBean(ChargebackWorkbooks.class);
            ChargebackStatements statements = context.getBean(ChargebackStatements.class);
            StatementRequest request = StatementRequest.of(period, StatementScope.all());
            List<String> lines = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                System.gc();
                resetPeaks();
                long modelStart = System.nanoTime();
                ChargebackStatement model = statements.statement(request);
                double modelSeconds = seconds(modelStart);
                long start = System.nanoTime();
                ChargebackStatement statement;
                try (OutputStream out = Files.newOutputStream(workbook)) {
                    statement = workbooks.write(request, out);
                }
                double seconds = seconds(start);
                long peak = peakHeapBytes();
                String line = String.format(
                        Locale.ROOT,
                        "| %d | %.2f | %.2f | %d | %.1f | %,d | %s |",
                        run,
                        seconds,
                        modelSeconds,
                        peak / (1024 * 1024),
                        Files.size(workbook) / (1024.0 * 1024.0),
                        model.deployments().size(),
                        statement.total().toPlainString());
                System.out.println(line);
                lines.add(line);
            }
            String postgres = dsl.fetchValue("select version()").toString();
            write(results, period, tenants, deployments, rows, loadSeconds, lines, postgres);
            System.out.println("results: " + results);
        }
    }

    /** Tenants, rate cards (one mid-month price change per fifth deployment) and one rollup row per day. */
    private static long load(DSLContext dsl, RateCards rateCards, YearMonth period, int tenants, int deployments) {
        for (int d = 1; d <= deployments; d++) {
            BigDecimal prompt = BigDecimal.valueOf(d * 25L, 2);
            rateCards.publish(card(d, LocalDate.of(2020, 1, 1), prompt), "bench");
            if (d % 5 == 0) {
                rateCards.publish(card(d, period.atDay(15), prompt.subtract(BigDecimal.valueOf(5, 2))), "bench");
            }
        }
        // names every 97th tenant like a formula, so the quote-prefixed path is exercised too
        dsl.execute(
                """
                insert into tenant (tenant_key, name, cost_center)
                select 'tenant-' || lpad(g::text, 5, '0'),
                       case when g % 97 = 0 then '=HYPERLINK("x")' else 'Tenant ' || g end,
                       'CC-' || lpad((g % 40)::text, 3, '0')
                from generate_series(1, ?) g
                on conflict (tenant_key) do update set name = excluded.name, cost_center = excluded.cost_center""",
                tenants);
        return dsl.execute(
                """
                insert into usage_daily (usage_day, tenant_key, deployment, model, requests, prompt_tokens,
                    cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
                select day::date, 'tenant-' || lpad(t::text, 5, '0'), 'deployment-' || lpad(d::text, 2, '0'),
                       'model-' || d || '-2025-01-01', 40 + (t * d) % 200, 50000 + (t * 31 + d * 17) % 90000,
                       (t * 7 + d) % 20000, 10000 + (t * 13 + d * 3) % 30000, (t + d) % 5000,
                       round((random() * 25)::numeric, 9), 0
                from generate_series(?::date, ?::date, interval '1 day') day,
                     generate_series(1, ?) t, generate_series(1, ?) d""",
                period.atDay(1),
                period.atEndOfMonth(),
                tenants,
                deployments);
    }

    private static NewRateCard card(int deployment, LocalDate from, BigDecimal prompt) {
        return new NewRateCard(
                "deployment-" + String.format(Locale.ROOT, "%02d", deployment),
                "USD",
                from,
                new Prices(prompt, prompt.divide(BigDecimal.TWO), prompt.multiply(BigDecimal.valueOf(4)),
                        prompt.multiply(BigDecimal.valueOf(4))));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void write(
            Path results,
            YearMonth period,
            int tenants,
            int deployments,
            long rows,
            double loadSeconds,
            List<String> lines,
            String postgres)
            throws Exception {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder text = new StringBuilder()
                .append("# Chargeback workbook generation, ")
                .append(LocalDate.now())
                .append("\n\nMachine: ")
                .append(runtime.availableProcessors())
                .append(" cores, JDK ")
                .append(System.getProperty("java.vm.vendor"))
                .append(' ')
                .append(Runtime.version())
                .append(", heap limit ")
                .append(runtime.maxMemory() / (1024 * 1024))
                .append(" MB (-Xmx512m), ")
                .append(postgres.split(",")[0])
                .append(" (embedded, as the service runs it: fsync and synchronous commit on).\n\nData: ")
                .append(period)
                .append(", ")
                .append(tenants)
                .append(" tenants × ")
                .append(deployments)
                .append(" deployments × ")
                .append(period.lengthOfMonth())
                .append(" days = ")
                .append(String.format(Locale.ROOT, "%,d", rows))
                .append(" rollup rows (inserted set-based in ")
                .append(String.format(Locale.ROOT, "%.1f", loadSeconds))
                .append(" s). The workbook's Daily detail sheet has one row per rollup row, 11 columns.\n\n")
                .append("| run | workbook s | statement model s | peak heap MB | file MB | deployment lines | total |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        lines.forEach(line -> text.append(line).append('\n'));
        text.append("\n\"workbook s\" is everything: the statement model, the daily detail read tenant by tenant, and"
                        + " the .xlsx written to disk; \"statement model s\" is the model alone. Peak heap is the sum"
                        + " of the heap pools' peak usage during the run (an upper bound). Generated at ")
                .append(ZonedDateTime.now())
                .append(" by `bench/workbook ")
                .append(tenants)
                .append(' ')
                .append(deployments)
                .append("`.\n");
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, text.toString());
    }
}
