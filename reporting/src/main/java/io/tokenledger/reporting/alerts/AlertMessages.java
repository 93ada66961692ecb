package io.tokenledger.reporting.alerts;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.budgets.BudgetScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a delivery into the HTTP request its channel expects: a Slack message, or a signed webhook body. */
@Component
class AlertMessages {

    private final AlertRepository alerts;
    private final AlertChannelRepository channels;
    private final Tenants tenants;
    private final RateCards rateCards;
    private final ReportingProperties.Alerts settings;
    private final ChannelUrls urls;

    AlertMessages(
            AlertRepository alerts,
            AlertChannelRepository channels,
            Tenants tenants,
            RateCards rateCards,
            ReportingProperties properties,
            ChannelUrls urls) {
        this.alerts = alerts;
        this.channels = channels;
        this.tenants = tenants;
        this.rateCards = rateCards;
        this.settings = properties.reporting().alerts();
        this.urls = urls;
    }

    /** A request to send, or why the delivery cannot be sent at all (a final failure). */
    sealed interface Rendered {}

    record Ready(AlertSender.Outgoing message) implements Rendered {}

    record Undeliverable(String reason) implements Rendered {}

    @Transactional(readOnly = true)
    Rendered render(DeliveryRepository.Claimed claimed, Instant now) {
        Optional<AlertChannelRepository.Target> target = channels.find(claimed.channelId());
        if (target.isEmpty() || target.get().deleted()) {
            return new Undeliverable("the channel was removed before the alert could be sent");
        }
        AlertChannel channel = target.get().channel();
        Optional<String> problem = urls.problem(channel.url());
        if (problem.isPresent()) {
            return new Undeliverable(problem.get());
        }
        Optional<Alert> alert = alerts.find(claimed.alertId());
        if (alert.isEmpty()) {
            return new Undeliverable("the alert no longer exists");
        }
        AlertText text = text(alert.get());
        if (channel.type().equals("slack")) {
            return new Ready(new AlertSender.Outgoing(channel.url(), SlackMessage.of(text), Map.of()));
        }
        String body = WebhookMessage.of(text, claimed.deliveryId());
        return new Ready(new AlertSender.Outgoing(
                channel.url(),
                body,
                WebhookSignature.headers(target.get().secret(), now.getEpochSecond(), body, claimed.deliveryId())));
    }

    /** A channel's test message. */
    AlertSender.Outgoing test(AlertChannelRepository.Target target, long deliveryId, Instant now) {
        AlertChannel channel = target.channel();
        String description = switch (channel.scope()) {
            case GLOBAL -> "budget alerts of every tenant";
            case TENANT -> "budget alerts of tenant " + channel.subject();
            case COST_CENTER -> "budget alerts of cost center " + channel.subject() + " and its tenants";
        };
        if (channel.type().equals("slack")) {
            return new AlertSender.Outgoing(channel.url(), SlackMessage.test(description), Map.of());
        }
        String body = WebhookMessage.test(channel, description, now);
        return new AlertSender.Outgoing(
                channel.url(), body, WebhookSignature.headers(target.secret(), now.getEpochSecond(), body, deliveryId));
    }

    AlertText text(Alert alert) {
        String currency = rateCards.reportingCurrency();
        if (alert.scope() == BudgetScope.COST_CENTER) {
            return new AlertText(
                    alert, alert.subject(), alert.subject(), alert.subject(), currency, settings.base() + "/alerts");
        }
        Tenant tenant = tenants.find(alert.subject()).orElse(new Tenant(alert.subject(), null, null));
        // a path segment: URLEncoder writes form encoding, where a space is "+"
        String link = settings.base() + "/tenants/"
                + URLEncoder.encode(tenant.key(), StandardCharsets.UTF_8).replace("+", "%20");
        return new AlertText(alert, tenant.displayName(), tenant.key(), tenant.costCenter(), currency, link);
    }
}
