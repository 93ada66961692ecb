package io.tokenledger.web.pages;

import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up a ledger's rows to fewer dimensions in memory, so that a page reads the daily rollups once (say by day and
 * tenant) and shows several views of them (by tenant, by day) with totals that agree to the last digit.
 */
public final class LedgerRollup {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LocalDate> DAY = Comparator.nullsFirst(Comparator.naturalOrder());

    private LedgerRollup() {}

    public static Ledger keep(Ledger ledger, LedgerDimension... dimensions) {
        List<LedgerDimension> kept = Arrays.asList(dimensions);
        Map<List<Object>, LedgerRow> rows = new LinkedHashMap<>();
        for (LedgerRow row : ledger.rows()) {
            LedgerRow narrowed = new LedgerRow(
                    kept.contains(LedgerDimension.TENANT) ? row.tenant() : null,
                    kept.contains(LedgerDimension.DEPLOYMENT) ? row.deployment() : null,
                    kept.contains(LedgerDimension.MODEL) ? row.model() : null,
                    kept.contains(LedgerDimension.DAY) ? row.day() : null,
                    row.requests(),
                    row.promptTokens(),
                    row.cachedPromptTokens(),
                    row.completionTokens(),
                    row.reasoningTokens(),
                    row.cost(),
                    row.unpricedRequests());
            rows.merge(
                    Arrays.asList(narrowed.tenant(), narrowed.deployment(), narrowed.model(), narrowed.day()),
                    narrowed,
                    LedgerRollup::add);
        }
        List<LedgerRow> sorted = rows.values().stream()
                .sorted(Comparator.comparing(LedgerRow::tenant, TEXT)
                        .thenComparing(LedgerRow::deployment, TEXT)
                        .thenComparing(LedgerRow::model, TEXT)
                        .thenComparing(LedgerRow::day, DAY))
                .toList();
        return new Ledger(ledger.currency(), sorted, ledger.total());
    }

    private static LedgerRow add(LedgerRow a, LedgerRow b) {
        return new LedgerRow(
                a.tenant(),
                a.deployment(),
                a.model(),
                a.day(),
                a.requests() + b.requests(),
                a.promptTokens() + b.promptTokens(),
                a.cachedPromptTokens() + b.cachedPromptTokens(),
                a.completionTokens() + b.completionTokens(),
                a.reasoningTokens() + b.reasoningTokens(),
                a.cost().add(b.cost()),
                a.unpricedRequests() + b.unpricedRequests());
    }

    /** The largest {@code limit} rows by cost (then by label), as share lines with a bar against the largest. */
    public static List<Share> top(Ledger ledger, java.util.function.Function<LedgerRow, String> label, int limit) {
        List<LedgerRow> largest = ledger.rows().stream()
                .sorted(Comparator.comparing(LedgerRow::cost)
                        .reversed()
                        .thenComparing(row -> String.valueOf(label.apply(row))))
                .limit(limit)
                .toList();
        BigDecimal max =
                largest.isEmpty() ? BigDecimal.ZERO : largest.getFirst().cost();
        return largest.stream()
                .map(row -> new Share(
                        label.apply(row) == null ? "(not reported)" : label.apply(row),
                        MoneyFormat.count(row.requests()),
                        row.requests(),
                        MoneyFormat.count(row.unpricedRequests()),
                        MoneyFormat.cell(row.cost(), ledger.currency()),
                        MoneyFormat.percentOf(row.cost(), max)))
                .toList();
    }

    /** A line of a "top …" table. */
    public record Share(
            String label,
            String requests,
            long requestCount,
            String unpricedRequests,
            MoneyFormat.Cell cost,
            long barPercent) {}
}
