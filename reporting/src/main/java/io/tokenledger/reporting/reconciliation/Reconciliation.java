package io.tokenledger.reporting.reconciliation;

import io.tokenledger.ingest.appinsights.SourceComparison;
import io.tokenledger.ingest.appinsights.SourceComparison.SourceDay;
import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where both Event Hubs ({@code log-to-eventhub}, best effort: messages can be dropped) and Application Insights
 * (token metrics) feed the same deployment, compares the tokens each counted per tenant and business day and flags
 * the days that differ by more than {@code tokenledger.reporting.reconciliation.threshold-percent}.
 */
@Service
public class Reconciliation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SourceComparison sources;
    private final ReportingProperties.Reconciliation settings;

    Reconciliation(SourceComparison sources, ReportingProperties properties) {
        this.sources = sources;
        this.settings = properties.reporting().reconciliation();
    }

    /**
     * @param from first business day, inclusive
     * @param to last business day, inclusive
     * @param scope the tenants the caller may see
     * @throws IllegalArgumentException when the range is reversed or longer than the configured maximum
     */
    @Transactional(readOnly = true)
    public ReconciliationReport compare(LocalDate from, LocalDate to, TenantScope scope) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > settings.maxDays()) {
            throw new IllegalArgumentException("the range covers " + days + " days; at most " + settings.maxDays()
                    + " (tokenledger.reporting.reconciliation.max-days) are compared at once");
        }
        Optional<Set<String>> tenants = scope.all() ? Optional.empty() : Optional.of(scope.keys());
        Map<String, long[]> byTenantDay = new LinkedHashMap<>();
        for (SourceDay day : sources.tokensBySource(from, to, tenants)) {
            long[] counts = byTenantDay.computeIfAbsent(day.tenant() + "\u0000" + day.day(), key -> new long[4]);
            int offset = SourceComparison.EVENT_HUBS.equals(day.source()) ? 0 : 1;
            counts[offset] += day.tokens();
            counts[offset + 2] += day.requests();
        }
        List<ReconciliationRow> rows = new ArrayList<>(byTenantDay.size());
        byTenantDay.forEach((key, counts) -> {
            int split = key.indexOf('\u0000');
            rows.add(row(key.substring(0, split), LocalDate.parse(key.substring(split + 1)), counts));
        });
        return new ReconciliationReport(from, to, settings.thresholdPercent(), rows);
    }

    private ReconciliationRow row(String tenant, LocalDate day, long[] counts) {
        long eventHubs = counts[0];
        long appInsights = counts[1];
        long difference = appInsights - eventHubs;
        long larger = Math.max(eventHubs, appInsights);
        BigDecimal percent = larger == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(Math.abs(difference))
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(larger), 2, RoundingMode.HALF_UP);
        // compared unrounded, so a difference just above the threshold is flagged even when it rounds to it
        boolean flagged = larger != 0
                && BigDecimal.valueOf(Math.abs(difference))
                                .multiply(HUNDRED)
                                .compareTo(settings.thresholdPercent().multiply(BigDecimal.valueOf(larger)))
                        > 0;
        return new ReconciliationRow(
                tenant, day, eventHubs, appInsights, counts[2], counts[3], difference, percent, flagged);
    }
}
