package io.tokenledger.web.reconciliation;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.reconciliation.Reconciliation;
import io.tokenledger.reporting.reconciliation.ReconciliationReport;
import io.tokenledger.reporting.reconciliation.ReconciliationRow;
import io.tokenledger.web.security.ViewerScopes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reconciliation?from&to[&tenant]}: per tenant and business day, the tokens Event Hubs and
 * Application Insights each counted for the deployments both feed, with the days that differ by more than the
 * threshold flagged. Defaults: the current month to date. Limited to the caller's tenants.
 */
@RestController
@RequestMapping("/api/v1/reconciliation")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    ReconciliationController(Reconciliation reconciliation, BusinessCalendar calendar, ViewerScopes scopes) {
        this.reconciliation = reconciliation;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    @GetMapping
    Map<String, Object> reconciliation(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String tenant) {
        LocalDate toDay = to == null ? calendar.today() : to;
        LocalDate fromDay = from == null ? toDay.withDayOfMonth(1) : from;
        ReconciliationReport report = reconciliation.compare(fromDay, toDay, scopes.narrowedTo(tenant));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from());
        body.put("to", report.to());
        body.put("timeZone", calendar.zone().getId());
        body.put("thresholdPercent", report.thresholdPercent().toPlainString());
        body.put("flaggedRows", report.flaggedRows());
        body.put(
                "rows",
                report.rows().stream().map(ReconciliationController::toJson).toList());
        return body;
    }

    private static Map<String, Object> toJson(ReconciliationRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant", row.tenant());
        json.put("day", row.day());
        json.put("eventHubsTokens", row.eventHubsTokens());
        json.put("appInsightsTokens", row.appInsightsTokens());
        json.put("eventHubsRequests", row.eventHubsRequests());
        json.put("appInsightsRequests", row.appInsightsRequests());
        json.put("difference", row.difference());
        json.put("differencePercent", row.differencePercent().toPlainString());
        json.put("flagged", row.flagged());
        return json;
    }
}
