package io.tokenledger.web.alerts;

import io.tokenledger.reporting.alerts.Alert;
import io.tokenledger.reporting.alerts.AlertKind;
import io.tokenledger.reporting.alerts.Alerts;
import io.tokenledger.reporting.alerts.DeliveryEntry;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/alerts[?tenant=K&limit=n]}: fired alerts, newest first, each with the state of its deliveries;
 * {@code GET /api/v1/alerts/deliveries[?limit=n]}: the delivery log (alerts and test messages).
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    private static final int MAX_LIMIT = 1000;

    private final Alerts alerts;
    private final ViewerScopes scopes;

    AlertsController(Alerts alerts, ViewerScopes scopes) {
        this.alerts = alerts;
        this.scopes = scopes;
    }

    /**
     * A tenant viewer sees whether each alert was delivered, not where to (a channel's name or URL) nor what the
     * receiver answered: that is configuration, for those who see every tenant.
     */
    @GetMapping
    Map<String, Object> recent(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String tenant) {
        TenantScope scope = scopes.narrowedTo(tenant);
        boolean details = scopes.scope().all();
        List<Map<String, Object>> items = alerts.recent(limit(limit), scope).stream()
                .map(fired -> alertJson(fired, details))
                .toList();
        return Map.of("items", items);
    }

    @GetMapping("/deliveries")
    Map<String, Object> deliveries(@RequestParam(defaultValue = "100") int limit) {
        return Map.of(
                "items",
                alerts.deliveryLog(limit(limit)).stream()
                        .map(AlertsController::deliveryJson)
                        .toList());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    private static Map<String, Object> alertJson(Alerts.FiredAlert fired, boolean details) {
        Alert alert = fired.alert();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.id());
        json.put("scope", alert.scope() == BudgetScope.TENANT ? "tenant" : "costCenter");
        json.put("tenant", alert.scope() == BudgetScope.TENANT ? alert.subject() : null);
        json.put("costCenter", alert.scope() == BudgetScope.COST_CENTER ? alert.subject() : null);
        json.put("kind", alert.kind().name().toLowerCase(Locale.ROOT));
        json.put("step", alert.step());
        json.put("period", alert.period().toString());
        json.put("day", alert.kind() == AlertKind.DAILY ? alert.windowStart() : null);
        json.put("spend", Amounts.exact(alert.spend()));
        json.put("budget", Amounts.exact(alert.budgetAmount()));
        json.put("threshold", Amounts.exact(alert.threshold()));
        json.put("percentOfBudget", fired.percentOfBudget());
        json.put("forecast", exactOrNull(alert.forecast()));
        json.put(
                "topDeployments",
                alert.topDeployments().stream()
                        .map(top -> Map.of("deployment", top.deployment(), "cost", Amounts.exact(top.cost())))
                        .toList());
        json.put("headline", fired.headline());
        json.put("firedAt", alert.firedAt());
        json.put(
                "deliveries",
                fired.deliveries().stream()
                        .map(delivery -> details ? deliveryJson(delivery) : deliveryState(delivery))
                        .toList());
        return json;
    }

    /** A delivery as a tenant viewer sees it: where it stands, not where it goes or what the receiver said. */
    private static Map<String, Object> deliveryState(DeliveryEntry delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", delivery.deliveryId());
        json.put("alertId", delivery.alertId());
        json.put("state", delivery.state().name().toLowerCase(Locale.ROOT));
        json.put("attempts", delivery.attempts());
        json.put("deliveredAt", delivery.deliveredAt());
        return json;
    }

    static Map<String, Object> deliveryJson(DeliveryEntry delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", delivery.deliveryId());
        json.put("alertId", delivery.alertId());
        json.put("test", delivery.test());
        json.put("channelId", delivery.channelId());
        json.put("channel", delivery.channel());
        json.put("type", delivery.channelType());
        json.put("state", delivery.state().name().toLowerCase(Locale.ROOT));
        json.put("attempts", delivery.attempts());
        json.put("lastStatus", delivery.lastStatus());
        json.put("lastError", delivery.lastError());
        json.put("createdAt", delivery.createdAt());
        json.put("deliveredAt", delivery.deliveredAt());
        json.put("nextAttemptAt", delivery.state() == DeliveryEntry.State.PENDING ? delivery.nextAttemptAt() : null);
        return json;
    }

    private static String exactOrNull(BigDecimal amount) {
        return amount == null ? null : Amounts.exact(amount);
    }
}
