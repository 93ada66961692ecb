package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventFilter;
import io.tokenledger.ingest.browse.StoredEvents;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.pages.ChartJson;
import io.tokenledger.web.pages.LedgerRollup;
import io.tokenledger.web.pages.MoneyFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The tenant page's analysis of the period so far: daily spend (a chart) and spend by model, from one read of the
 * daily rollups; and, on a page of its own, spend by user. The caller has checked that the viewer may see the
 * tenant; every query here is limited to it.
 */
@Component
class TenantBreakdown {

    static final int TOP_USERS = 50;

    private final Ledgers ledgers;
    private final StoredEvents events;

    TenantBreakdown(Ledgers ledgers, StoredEvents events) {
        this.ledgers = ledgers;
        this.events = events;
    }

    /**
     * Spend by user in the filter's days. There is no rollup by user, so this reads the tenant's events of those days
     * (over {@code usage_event_tenant_hash_time_ix}): a page of its own rather than part of the tenant page, which reads
     * rollups only and stays fast whatever the tenant's volume.
     */
    List<UserLine> users(EventFilter filter, String currency) {
        return events.byUser(filter, TOP_USERS).stream()
                .map(user -> new UserLine(
                        user.user() == null ? "(not reported)" : user.user(),
                        MoneyFormat.count(user.requests()),
                        user.requests(),
                        MoneyFormat.count(user.tokens()),
                        MoneyFormat.cell(user.cost() == null ? BigDecimal.ZERO : user.cost(), currency)))
                .toList();
    }

    /** A user's line. */
    record UserLine(String user, String requests, long requestCount, String tokens, MoneyFormat.Cell cost) {}

    /** Adds the charts of {@code tenant} to the page, read within {@code scope} (the viewer's, narrowed to it). */
    void addTo(Model model, String tenant, TenantScope scope, LocalDate today, String currency) {
        LocalDate first = today.withDayOfMonth(1);
        Ledger byDayAndModel = ledgers.query(new LedgerQuery(
                first, today, List.of(LedgerDimension.DAY, LedgerDimension.MODEL), Optional.of(tenant), scope));
        Ledger byDay = LedgerRollup.keep(byDayAndModel, LedgerDimension.DAY);
        model.addAttribute("dailyChart", dailyChart(byDay, first, today, tenant, currency));
        model.addAttribute(
                "models",
                LedgerRollup.top(LedgerRollup.keep(byDayAndModel, LedgerDimension.MODEL), LedgerRow::model, 50));
    }

    /** One series of bars: the spend of each day from {@code from} to {@code to}. */
    private static String dailyChart(Ledger byDay, LocalDate from, LocalDate to, String label, String currency) {
        Map<LocalDate, BigDecimal> spend = new HashMap<>();
        byDay.rows().forEach(row -> spend.merge(row.day(), row.cost(), BigDecimal::add));
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<BigDecimal> amounts = days.stream()
                .map(day -> spend.getOrDefault(day, BigDecimal.ZERO))
                .toList();
        return ChartJson.bars(
                days.stream().map(LocalDate::toString).toList(),
                List.of(ChartJson.Series.of(label, amounts)),
                false,
                currency);
    }
}
