package io.tokenledger.web.periods;

import io.tokenledger.reporting.ledger.AdjustmentLine;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.periods.PeriodStatus;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.security.ViewerScopes;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/periods}: billing periods, newest first, open or closed, with usage, adjustments and total;
 * {@code POST /api/v1/periods/{YYYY-MM}/close} closes one (409 when closed already, 422 when it has not ended);
 * {@code GET /api/v1/periods/{YYYY-MM}/adjustments[?tenant=K]} lists the adjustments booked in one.
 */
@RestController
@RequestMapping("/api/v1/periods")
class PeriodsController {

    private final BillingPeriods periods;
    private final Ledgers ledgers;
    private final ViewerScopes scopes;

    PeriodsController(BillingPeriods periods, Ledgers ledgers, ViewerScopes scopes) {
        this.periods = periods;
        this.ledgers = ledgers;
        this.scopes = scopes;
    }

    @GetMapping
    List<Map<String, Object>> all() {
        return periods.all().stream().map(PeriodsController::periodJson).toList();
    }

    @PostMapping("/{period}/close")
    Map<String, Object> close(@PathVariable YearMonth period, Principal principal) {
        return periodJson(periods.close(period, principal.getName()));
    }

    @GetMapping("/{period}/adjustments")
    List<Map<String, Object>> adjustments(
            @PathVariable YearMonth period, @RequestParam(required = false) String tenant) {
        TenantScope scope = scopes.narrowedTo(tenant);
        return ledgers.adjustmentsBookedIn(period, scope).stream()
                .map(PeriodsController::adjustmentJson)
                .toList();
    }

    private static Map<String, Object> periodJson(PeriodStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", status.period().toString());
        json.put("status", status.closed() ? "closed" : "open");
        json.put("closedAt", status.closedAt());
        json.put("closedBy", status.closedBy());
        json.put("usage", Amounts.exact(status.usage()));
        json.put("adjustments", Amounts.exact(status.adjustments()));
        json.put("total", Amounts.exact(status.total()));
        json.put("unpricedRequests", status.unpricedRequests());
        return json;
    }

    private static Map<String, Object> adjustmentJson(AdjustmentLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", line.id());
        json.put("label", line.label());
        json.put("cause", line.cause().name());
        json.put("bookedPeriod", line.bookedPeriod().toString());
        json.put("refersToPeriod", line.refersToPeriod().toString());
        json.put("tenant", line.tenant());
        json.put("deployment", line.deployment());
        json.put("model", line.model());
        json.put("requests", line.requests());
        json.put("promptTokens", line.promptTokens());
        json.put("cachedPromptTokens", line.cachedPromptTokens());
        json.put("completionTokens", line.completionTokens());
        json.put("reasoningTokens", line.reasoningTokens());
        json.put("cost", Amounts.exact(line.cost()));
        json.put("unpricedRequests", line.unpricedRequests());
        json.put("updatedAt", line.updatedAt());
        return json;
    }
}
