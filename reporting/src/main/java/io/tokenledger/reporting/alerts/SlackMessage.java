package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming-webhook message: {@code text} (the notification and fallback) plus Block Kit blocks with the
 * tenant, spend, threshold, percentage of budget, forecast, top deployments and a button to the tenant's page.
 */
final class SlackMessage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HEADER_LIMIT = 150;

    private SlackMessage() {}

    static String of(AlertText text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", text.summary());
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", limit(text.headline()));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        Alert alert = text.alert();
        field(
                fields,
                alert.scope() == BudgetScope.TENANT ? "Tenant" : "Cost center",
                escape(text.subjectName())
                        + (text.subjectName().equals(text.subjectKey())
                                ? ""
                                : " (`" + escape(text.subjectKey()) + "`)"));
        field(fields, alert.kind() == AlertKind.MONTHLY ? "Period" : "Day", text.window());
        field(fields, "Spend", text.money(alert.spend()));
        field(fields, "Threshold", text.threshold());
        field(
                fields,
                alert.kind() == AlertKind.MONTHLY ? "Of monthly budget" : "Of daily threshold",
                text.percentOfBudget() + "%");
        if (alert.forecast() != null) {
            field(fields, "Month-end forecast", text.money(alert.forecast()));
        }
        if (!alert.topDeployments().isEmpty()) {
            StringBuilder top = new StringBuilder("*Top deployments*");
            for (DeploymentSpend deployment : alert.topDeployments()) {
                top.append("\n• ")
                        .append(escape(deployment.deployment()))
                        .append(" — ")
                        .append(text.money(deployment.cost()));
            }
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", top.toString());
        }
        ObjectNode button = blocks.addObject()
                .put("type", "actions")
                .putArray("elements")
                .addObject()
                .put("type", "button")
                .put("url", text.link());
        button.putObject("text").put("type", "plain_text").put("text", "Open in TokenLedger");
        return JSON.writeValueAsString(message);
    }

    /** The message a channel's "send test message" posts. */
    static String test(String description) {
        return JSON.writeValueAsString(
                JSON.createObjectNode().put("text", "TokenLedger test message: " + description + " will arrive here."));
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + value);
    }

    /** Slack's mrkdwn control characters, so that a tenant name cannot inject links or mentions. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String text) {
        return text.length() <= HEADER_LIMIT ? text : text.substring(0, HEADER_LIMIT - 1) + "…";
    }
}
