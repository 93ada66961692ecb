package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a generic webhook receives (docs/alerts.md): the alert with exact amounts as decimal strings, as the API
 * writes money. Signed by {@link WebhookSignature}.
 */
final class WebhookMessage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookMessage() {}

    static String of(AlertText text, long deliveryId) {
        Alert alert = text.alert();
        ObjectNode message = JSON.createObjectNode()
                .put("type", "budget.alert")
                .put("alertId", alert.id())
                .put("deliveryId", deliveryId)
                .put("firedAt", alert.firedAt().toString())
                .put("scope", alert.scope() == BudgetScope.TENANT ? "tenant" : "costCenter");
        if (alert.scope() == BudgetScope.TENANT) {
            message.putObject("tenant").put("key", text.subjectKey()).put("name", text.subjectName());
        } else {
            message.putNull("tenant");
        }
        message.put("costCenter", text.costCenter())
                .put("kind", alert.kind().name().toLowerCase(Locale.ROOT))
                .put("step", alert.step())
                .put("period", YearMonth.from(alert.windowStart()).toString());
        if (alert.kind() == AlertKind.DAILY) {
            message.put("day", alert.windowStart().toString());
        } else {
            message.putNull("day");
        }
        message.put("currency", text.currency())
                .put("spend", AlertText.exact(alert.spend()))
                .put("budget", AlertText.exact(alert.budgetAmount()))
                .put("threshold", AlertText.exact(alert.threshold()))
                .put("percentOfBudget", text.percentOfBudget())
                .put("forecast", AlertText.exact(alert.forecast()));
        ArrayNode top = message.putArray("topDeployments");
        for (DeploymentSpend deployment : alert.topDeployments()) {
            top.addObject().put("deployment", deployment.deployment()).put("cost", AlertText.exact(deployment.cost()));
        }
        message.put("text", text.summary()).put("url", text.link());
        return JSON.writeValueAsString(message);
    }

    static String test(AlertChannel channel, String description, Instant at) {
        ObjectNode message = JSON.createObjectNode().put("type", "test").put("sentAt", at.toString());
        message.putObject("channel").put("id", channel.id()).put("name", channel.name());
        message.put("text", "TokenLedger test message: " + description + " will arrive here.");
        return JSON.writeValueAsString(message);
    }
}
