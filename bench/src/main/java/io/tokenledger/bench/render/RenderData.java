package io.tokenledger.bench.render;

import io.tokenledger.bench.SyntheticTraffic;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads {@code --events} synthetic events over the {@code --days} days up to now into the embedded PostgreSQL in
 * {@code --data-dir} through the production pipeline, with the 600 tenants registered, rate cards for 25 of 30
 * deployments and monthly budgets for the 100 largest tenants. Writes the PostgreSQL version to {@code --data-dir}/../postgres-version.
 */
public final class RenderData {

    private RenderData() {}

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(option(args, "events", "10000000"));
        int days = Integer.parseInt(option(args, "days", "92"));
        Path dataDir = Path.of(option(args, "data-dir", "/tmp/tokenledger-render/pg"));
        Instant end = Instant.now();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RenderDataApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--tokenledger.db.embedded.data-dir=" + dataDir,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--tokenledger.reporting.schedules.enabled=false",
                        "--tokenledger.reporting.alerts.delivery.enabled=false")) {
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                Files.writeString(
                        dataDir.resolveSibling("postgres-version"),
                        connection.getMetaData().getDatabaseProductVersion());
            }
            publishRateCards(context.getBean(RateCards.class), SyntheticTraffic.firstDayOf(end, days));
            registerTenants(context.getBean(Tenants.class));
            setBudgets(context.getBean(Budgets.class));
            load(
                    context.getBean(IngestPipeline.class),
                    SyntheticTraffic.endingAt(events, end, days, "render-"),
                    events);
        }
    }

    private static void load(IngestPipeline pipeline, SyntheticTraffic traffic, long events) {
        long began = System.nanoTime();
        long lastPrint = began;
        for (long next = 0; next < events; ) {
            int size = (int) Math.min(10_000, events - next);
            List<ParsedRecord> records = traffic.batch(next, size).stream()
                    .<ParsedRecord>map(event -> new ParsedRecord.Valid(0, event.id(), event))
                    .toList();
            pipeline.ingest("bench", records);
            next += size;
            if (System.nanoTime() - lastPrint > 30_000_000_000L || next == events) {
                lastPrint = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "  loaded %,d of %,d events (%,.0f events/s)%n",
                        next,
                        events,
                        next / ((System.nanoTime() - began) / 1e9));
            }
        }
    }

    private static void publishRateCards(RateCards rateCards, LocalDate from) {
        // 25 of 30 deployments priced; the rest stays unpriced, as in real installations
        for (int i = 0; i < SyntheticTraffic.DEPLOYMENTS - 5; i++) {
            BigDecimal prompt = new BigDecimal("0.15").multiply(BigDecimal.valueOf(1 + i % 6));
            rateCards.publish(
                    new NewRateCard(
                            SyntheticTraffic.deployment(i),
                            rateCards.reportingCurrency(),
                            from.minusDays(1),
                            new Prices(
                                    prompt,
                                    prompt.divide(BigDecimal.TWO),
                                    prompt.multiply(BigDecimal.valueOf(4)),
                                    prompt.multiply(BigDecimal.valueOf(4)))),
                    "bench");
        }
    }

    private static void registerTenants(Tenants tenants) {
        for (int i = 0; i < SyntheticTraffic.TENANTS; i++) {
            tenants.save(new Tenant(
                    SyntheticTraffic.tenant(i), "Tenant " + i, "CC-" + (100 + i % 20), "owner-" + i + "@example.com"));
        }
    }

    private static void setBudgets(Budgets budgets) {
        for (int i = 0; i < 100; i++) {
            budgets.set(
                    BudgetScope.TENANT,
                    SyntheticTraffic.tenant(i),
                    new NewBudget(BigDecimal.valueOf(1000L * (100 - i)), NewBudget.DEFAULT_STEPS, null),
                    "bench");
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
