package io.tokenledger.web.demo;

import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Synthetic gateway traffic that looks like a real month: tenants of very different sizes, chat, reasoning and
 * embedding deployments, prompt caching, weekday peaks, a deployment nobody has priced yet and callers without
 * a tenant. Deterministic per day, with deterministic ids, so loading it twice changes nothing.
 */
final class DemoTraffic {

    record Tenant(String subscriptionName, int weight) {}

    record Deployment(
            String name,
            String model,
            int weight,
            int promptMean,
            int completionMean,
            double cacheShare,
            double reasoningShare) {}

    static final List<Tenant> TENANTS = List.of(
            new Tenant("acme", 30),
            new Tenant("globex", 18),
            new Tenant("initech", 12),
            new Tenant("umbrella", 9),
            new Tenant("hooli", 7),
            new Tenant("stark-industries", 5),
            new Tenant("wayne-enterprises", 3),
            new Tenant(null, 1));

    static final List<Deployment> DEPLOYMENTS = List.of(
            new Deployment("gpt-4o", "gpt-4o-2024-11-20", 25, 2400, 450, 0.35, 0),
            new Deployment("gpt-4o-mini", "gpt-4o-mini-2024-07-18", 40, 1600, 300, 0.45, 0),
            new Deployment("gpt-4.1", "gpt-4.1-2025-04-14", 10, 3200, 600, 0.25, 0),
            new Deployment("o3-mini", "o3-mini-2025-01-31", 12, 1200, 1800, 0.20, 0.7),
            new Deployment("text-embedding-3-large", "text-embedding-3-large", 10, 900, 0, 0, 0),
            new Deployment("llama-3-70b", "Meta-Llama-3-70B-Instruct", 3, 1500, 350, 0, 0));

    private DemoTraffic() {}

    /** The events of one UTC day; fewer at weekends. */
    static List<UsageEvent> day(LocalDate day, int weekdayRequests) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(day.toEpochDay());
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        int requests = weekend ? weekdayRequests / 4 : weekdayRequests;
        List<UsageEvent> events = new ArrayList<>(requests);
        Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int i = 0; i < requests; i++) {
            Tenant tenant =
                    pick(TENANTS, TENANTS.stream().mapToInt(Tenant::weight).sum(), Tenant::weight, random);
            Deployment deployment = pick(
                    DEPLOYMENTS,
                    DEPLOYMENTS.stream().mapToInt(Deployment::weight).sum(),
                    Deployment::weight,
                    random);
            events.add(event(day, i, midnight, tenant, deployment, random));
        }
        return events;
    }

    private static UsageEvent event(
            LocalDate day, int i, Instant midnight, Tenant tenant, Deployment deployment, RandomGenerator random) {
        // office hours are busier: a triangular distribution peaking at 14:00 UTC
        double hour = 14 + (random.nextDouble() - random.nextDouble()) * 12;
        Instant time = midnight.plusMillis((long) (Math.clamp(hour, 0, 23.99) * 3_600_000L));
        long prompt = Math.max(8, (long) (deployment.promptMean() * random.nextExponential()));
        long cached = random.nextDouble() < deployment.cacheShare() ? (prompt / 1024) * 1024 : 0;
        long completion = deployment.completionMean() == 0
                ? 0
                : Math.max(1, (long) (deployment.completionMean() * random.nextExponential()));
        long reasoning = (long) (completion * deployment.reasoningShare());
        String user = tenant.subscriptionName() == null
                ? "anonymous"
                : "user" + random.nextInt(25) + "@" + tenant.subscriptionName() + ".example";
        return new UsageEvent(
                "demo-" + day + "-" + i,
                time,
                null,
                null,
                tenant.subscriptionName(),
                "aoai-standard",
                "azure-openai",
                "chat-completions",
                user,
                null,
                deployment.name(),
                deployment.model(),
                random.nextBoolean() ? "eastus2" : "swedencentral",
                "aoai-backend-" + (1 + random.nextInt(3)),
                new TokenCounts(prompt, cached, completion, reasoning),
                1,
                random.nextInt(4) == 0,
                false,
                200,
                Map.of());
    }

    private static <T> T pick(
            List<T> items, int totalWeight, java.util.function.ToIntFunction<T> weight, RandomGenerator random) {
        int ticket = random.nextInt(totalWeight);
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        return items.getLast();
    }
}
