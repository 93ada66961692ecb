package io.tokenledger.web.reconciliation;

import io.tokenledger.ingest.appinsights.AppInsightsStatus;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.reconciliation.Reconciliation;
import io.tokenledger.reporting.reconciliation.ReconciliationReport;
import io.tokenledger.reporting.reconciliation.ReconciliationRow;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.ViewerScopes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reconciliation page: Event Hubs against Application Insights per tenant and day, for the deployments both
 * feed, with the days whose difference is above the threshold highlighted, and where the App Insights pull stands.
 * Limited to the viewer's tenants.
 */
@Controller
class ReconciliationPageController {

    private final Reconciliation reconciliation;
    private final AppInsightsStatus appInsights;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;
    private final ViewerScopes scopes;

    ReconciliationPageController(
            Reconciliation reconciliation,
            AppInsightsStatus appInsights,
            BusinessCalendar calendar,
            RateCards rateCards,
            ViewerScopes scopes) {
        this.reconciliation = reconciliation;
        this.appInsights = appInsights;
        this.calendar = calendar;
        this.rateCards = rateCards;
        this.scopes = scopes;
    }

    /** A row as the table shows it. */
    record Row(
            String tenant,
            String day,
            String eventHubs,
            String appInsights,
            String difference,
            String percent,
            boolean flagged) {

        static Row of(ReconciliationRow row) {
            return new Row(
                    row.tenant(),
                    row.day().toString(),
                    MoneyFormat.count(row.eventHubsTokens()),
                    MoneyFormat.count(row.appInsightsTokens()),
                    (row.difference() > 0 ? "+" : "") + MoneyFormat.count(row.difference()),
                    row.differencePercent().toPlainString() + " %",
                    row.flagged());
        }
    }

    /** Where the pull stands, as display strings. */
    record Source(String state, String detail, String watermark, String lastPull, String lastError) {}

    @GetMapping("/reconciliation")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        PageContext.add(model, calendar, rateCards.reportingCurrency());
        LocalDate toDay = parse(to, calendar.today());
        LocalDate fromDay = parse(from, toDay.withDayOfMonth(1));
        model.addAttribute("from", fromDay.toString());
        model.addAttribute("to", toDay.toString());
        try {
            ReconciliationReport report = reconciliation.compare(fromDay, toDay, scopes.scope());
            model.addAttribute("rows", report.rows().stream().map(Row::of).toList());
            model.addAttribute("threshold", report.thresholdPercent().toPlainString());
            model.addAttribute("flagged", report.flaggedRows());
        } catch (IllegalArgumentException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("threshold", "");
            model.addAttribute("flagged", 0);
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("source", source());
        return "reconciliation";
    }

    private Source source() {
        AppInsightsStatus.State state = appInsights.state();
        return new Source(
                state.enabled() ? "on" : "off",
                state.detail(),
                text(state.watermark()),
                text(state.lastPullAt()),
                state.lastError() == null ? "" : state.lastError());
    }

    private static String text(Instant time) {
        return time == null ? "never" : time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The day in {@code value}; a page falls back to {@code otherwise} rather than fail on a day it cannot read. */
    private static LocalDate parse(String value, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
