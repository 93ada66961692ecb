package io.tokenledger.reporting;

import static io.tokenledger.reporting.UsageFixture.event;

import java.time.YearMonth;

/**
 * March 2025: four tenants on three deployments, one of them unpriced, a price change in the middle of the month,
 * costs with fractions of a cent, and tenant names and a cost center that look like spreadsheet formulas.
 */
public final class MarchScenario {

    public static final YearMonth PERIOD = YearMonth.of(2025, 3);
    public static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public static final String FORMULA_KEY = "-2+3";
    public static final String FORMULA_COST_CENTER = "@SUM(A1:A9)";

    private MarchScenario() {}

    public static void load(ReportingData data) {
        data.reset();
        data.price("gpt-4o", "2020-01-01", "2.50", "1.25", "10.00");
        data.price("gpt-4o", "2025-03-16", "2.00", "1.00", "8.00");
        data.price("gpt-4o-mini", "2020-01-01", "0.15", "0.075", "0.60");
        data.ingest(
                // acme: 1,234,567 prompt + 345,678 completion at 2.50 / 10.00 = 6.5431975; then 0.0045 a request
                event("a1").tenant("acme").at("2025-03-01T08:00:00Z").tokens(1_234_567, 0, 345_678, 0),
                event("a2").tenant("acme").at("2025-03-02T08:00:00Z"),
                event("a3").tenant("acme").at("2025-03-20T08:00:00Z").tokens(1000, 300, 200, 50),
                event("a4")
                        .tenant("acme")
                        .deployment("gpt-4o-mini")
                        .model("gpt-4o-mini-2024-07-18")
                        .tokens(3333, 0, 1111, 0),
                event("a5").tenant("acme").deployment("gpt-4o-mini").model(null).tokens(7, 0, 3, 0),
                // globex, with a formula for a name: 300M × 2.50 + 50,000,123 × 10.00 per 1M = 1,250.00123
                event("g1")
                        .tenant("globex")
                        .at("2025-03-05T23:59:59Z")
                        .tokens(300_000_000, 0, 50_000_123, 0)
                        .requests(3),
                event("g2")
                        .tenant("globex")
                        .deployment("llama-3-70b")
                        .model("llama")
                        .at("2025-03-06T00:00:00Z"),
                // a tenant key that looks like a formula, in a cost center that does too
                event("f1").tenant(FORMULA_KEY).at("2025-03-31T23:00:00Z").tokens(1, 0, 1, 0),
                // unassigned usage on an unpriced deployment only
                event("u1").tenant("unassigned").deployment("llama-3-70b").model("llama"),
                // outside the period: must not count
                event("feb").tenant("acme").at("2025-02-28T23:59:59Z").tokens(1_000_000, 0, 0, 0),
                event("apr").tenant("acme").at("2025-04-01T00:00:00Z").tokens(1_000_000, 0, 0, 0));
        data.name("acme", "Acme Corp", "CC-100");
        data.name("globex", FORMULA_NAME, "CC-100");
        data.name(FORMULA_KEY, null, FORMULA_COST_CENTER);
    }
}
