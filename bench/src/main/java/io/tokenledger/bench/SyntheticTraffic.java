package io.tokenledger.bench;

import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic gateway traffic, deterministic by event number: 500+ tenants and 30 deployments with Zipf-like
 * popularity, prompt caching, reasoning tokens on reasoning models, spread evenly over {@code days} days ending
 * on {@code lastDay} (or up to an instant). Event {@code n} is always the same event, so a baseline can be fed the
 * very same rows. Shared by the pipeline and the render benchmarks.
 */
public final class SyntheticTraffic {

    public static final int TENANTS = 600;
    public static final int DEPLOYMENTS = 30;

    private final long totalEvents;
    private final Instant start;
    private final long millisPerEvent;
    private final String idPrefix;
    private final boolean requestIds;
    private final double[] tenantCumulative = cumulativeZipf(TENANTS, 1.1);
    private final double[] deploymentCumulative = cumulativeZipf(DEPLOYMENTS, 0.9);

    /**
     * @param requestIds ids shaped like APIM's {@code context.RequestId} (random GUIDs, as the gateway sends them)
     *     rather than {@code bench-<n>}, whose consecutive values land next to each other in a unique index
     */
    SyntheticTraffic(long totalEvents, LocalDate lastDay, int days, boolean requestIds) {
        this(
                totalEvents,
                lastDay.minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC),
                days,
                "bench-",
                requestIds);
    }

    private SyntheticTraffic(long totalEvents, Instant start, int days, String idPrefix, boolean requestIds) {
        this.totalEvents = totalEvents;
        this.start = start;
        this.millisPerEvent = Math.max(1, days * 86_400_000L / Math.max(1, totalEvents));
        this.idPrefix = idPrefix;
        this.requestIds = requestIds;
    }

    /** {@code totalEvents} events over the {@code days} days up to {@code end}, with ids {@code idPrefix<n>}. */
    public static SyntheticTraffic endingAt(long totalEvents, Instant end, int days, String idPrefix) {
        return new SyntheticTraffic(totalEvents, firstInstant(end, days), days, idPrefix, false);
    }

    /** The business day (UTC) of the first event of {@link #endingAt}. */
    public static LocalDate firstDayOf(Instant end, int days) {
        return firstInstant(end, days).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant firstInstant(Instant end, int days) {
        return end.minusSeconds(days * 86_400L);
    }

    public static String deployment(int index) {
        return "deployment-" + (index < 10 ? "0" : "") + index;
    }

    public static String tenant(int index) {
        return "tenant-" + index;
    }

    long totalEvents() {
        return totalEvents;
    }

    public List<UsageEvent> batch(long first, int size) {
        List<UsageEvent> events = new ArrayList<>(size);
        for (long n = first; n < first + size; n++) {
            events.add(event(n));
        }
        return events;
    }

    UsageEvent event(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        int tenant = pick(tenantCumulative, random.nextDouble());
        int deployment = pick(deploymentCumulative, random.nextDouble());
        boolean reasoningModel = deployment % 7 == 3;
        long prompt = 20 + random.nextLong(6000);
        long cached = random.nextInt(3) == 0 ? prompt / 1024 * 1024 : 0;
        long completion = deployment % 10 == 9 ? 0 : 1 + random.nextLong(reasoningModel ? 4000 : 1200);
        long reasoning = reasoningModel ? completion * 2 / 3 : 0;
        return new UsageEvent(
                id(n),
                start.plusMillis(n * millisPerEvent),
                null,
                null,
                tenant(tenant),
                "product-" + (tenant % 5),
                "azure-openai",
                "chat",
                "user-" + random.nextInt(40) + "@" + tenant(tenant),
                null,
                deployment(deployment),
                deployment(deployment) + "-2025-01-01",
                tenant % 2 == 0 ? "eastus2" : "swedencentral",
                "backend-" + (deployment % 3),
                new TokenCounts(prompt, cached, completion, reasoning),
                1,
                random.nextInt(4) == 0,
                false,
                200,
                Map.of());
    }

    /**
     * Event {@code n}'s id: {@code idPrefix<n>}, or a version-4 GUID drawn from {@code n} and the prefix, the same on
     * every run (a replay repeats it).
     */
    String id(long n) {
        if (!requestIds) {
            return idPrefix + n;
        }
        SplittableRandom random = new SplittableRandom(n * 0xC2B2AE3D27D4EB4FL + idPrefix.hashCode());
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static int pick(double[] cumulative, double ticket) {
        int index = Arrays.binarySearch(cumulative, ticket);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static double[] cumulativeZipf(int n, double exponent) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
            sum += weights[i];
        }
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += weights[i] / sum;
            weights[i] = running;
        }
        return weights;
    }
}
