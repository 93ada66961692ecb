package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming-webhook message: {@code text} (the notification and fallback) plus Block Kit blocks with the
 * tenant, spend, threshold, percentage of budget, forecast, top deployments and a button to the tenant's page.
 *
 * <p>Every text in it is escaped ({@code &}, {@code <}, {@code >}, as Slack asks): tenant names, cost centers and
 * deployments are chosen by others, and Slack reads {@code <!channel>} as a mention of everyone and
 * {@code <mailto:…|Pay now>} as a link, in the notification text as much as in a block.
 */
final class SlackMessage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HEADER_LIMIT = 150;

    private SlackMessage() {}

    static String of(AlertText text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", escape(text.summary()));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", limit(escape(text.headline())));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        Alert alert = text.alert();
        field(
                fields,
                alert.scope() == BudgetScope.TENANT ? "Tenant" : "Cost center",
                text.subjectName()
                        + (text.subjectName().equals(text.subjectKey()) ? "" : " (`" + text.subjectKey() + "`)"));
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
                top.append("\n• ").append(deployment.deployment()).append(" — ").append(text.money(deployment.cost()));
            }
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", escape(top.toString()));
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
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("text", escape("TokenLedger test message: " + description + " will arrive here.")));
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", escape("*" + label + "*\n" + value));
    }

    /** Slack's mrkdwn control characters, so that a tenant name cannot inject links or mentions. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most Slack's header length, cut before an escape rather than through one. */
    private static String limit(String escaped) {
        if (escaped.length() <= HEADER_LIMIT) {
            return escaped;
        }
        String cut = escaped.substring(0, HEADER_LIMIT - 1);
        int amp = cut.lastIndexOf('&');
        if (amp >= 0 && cut.indexOf(';', amp) < 0) {
            cut = cut.substring(0, amp);
        }
        return cut + "…";
    }
}
