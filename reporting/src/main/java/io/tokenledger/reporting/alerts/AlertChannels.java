package io.tokenledger.reporting.alerts;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenants;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Alert channels: Slack incoming webhooks and signed generic webhooks, global or per tenant or cost center. */
@Service
public class AlertChannels {

    private static final int MAX_NAME_LENGTH = 100;

    private final AlertChannelRepository channels;
    private final DeliveryRepository deliveries;
    private final ChannelUrls urls;
    private final Tenants tenants;
    private final AlertMessages messages;
    private final AlertSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    AlertChannels(
            AlertChannelRepository channels,
            DeliveryRepository deliveries,
            ChannelUrls urls,
            Tenants tenants,
            AlertMessages messages,
            AlertSender sender,
            TransactionTemplate transaction) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.urls = urls;
        this.tenants = tenants;
        this.messages = messages;
        this.sender = sender;
        this.transaction = transaction;
    }

    /** A new channel, with the webhook signing secret, which is shown this once (null for Slack). */
    public record Created(AlertChannel channel, String secret) {}

    /** What a test message came to. */
    public record TestResult(long deliveryId, boolean delivered, Integer status, String error) {}

    /**
     * @throws RejectedException naming the invalid field
     */
    @Transactional
    public Created create(NewAlertChannel channel, String createdBy) {
        String type = channel.type() == null ? "" : channel.type().strip().toLowerCase(Locale.ROOT);
        if (!type.equals("slack") && !type.equals("webhook")) {
            throw RejectedException.invalid("type", "type must be slack or webhook, was '" + channel.type() + "'");
        }
        URI url = urls.check(channel.url());
        String tenant = blankToNull(channel.tenant());
        String costCenter = blankToNull(channel.costCenter());
        if (tenant != null && costCenter != null) {
            throw RejectedException.invalid(
                    "costCenter", "give a tenant or a cost center (or neither, for all tenants), not both");
        }
        if (tenant != null && tenants.find(tenant).isEmpty()) {
            throw RejectedException.invalid("tenant", "There is no tenant '" + tenant + "'.");
        }
        String name = blankToNull(channel.name());
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw RejectedException.invalid("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        ChannelScope scope = tenant != null
                ? ChannelScope.TENANT
                : costCenter != null ? ChannelScope.COST_CENTER : ChannelScope.GLOBAL;
        String secret = type.equals("webhook") ? WebhookSignature.newSecret() : null;
        AlertChannel created =
                channels.insert(type, url, name, scope, tenant != null ? tenant : costCenter, secret, createdBy);
        return new Created(created, secret);
    }

    @Transactional(readOnly = true)
    public List<AlertChannel> all() {
        return channels.active();
    }

    /**
     * Removes a channel: it receives nothing from now on; its delivery log stays.
     *
     * @throws RejectedException {@code NOT_FOUND}
     */
    @Transactional
    public void remove(long id) {
        if (!channels.delete(id, clock.instant())) {
            throw notFound(id);
        }
    }

    /**
     * Sends a test message now and records it in the delivery log. One attempt, no retries: the answer is what the
     * person who asked wants to see.
     */
    public TestResult sendTest(long id) {
        AlertChannelRepository.Target target =
                channels.find(id).filter(found -> !found.deleted()).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        DeliveryRepository.Claimed delivery = transaction.execute(status -> deliveries.createTest(id, now));
        AlertSender.Outcome outcome = urls.problem(target.channel().url())
                .map(problem -> AlertSender.Outcome.failed(problem, false))
                .orElseGet(() -> sender.post(messages.test(target, delivery.deliveryId(), now)));
        String state = outcome.delivered() ? DeliveryRepository.DELIVERED : DeliveryRepository.FAILED;
        transaction.executeWithoutResult(status -> deliveries.record(delivery, outcome, clock.instant(), state, null));
        return new TestResult(delivery.deliveryId(), outcome.delivered(), outcome.status(), outcome.error());
    }

    private static RejectedException notFound(long id) {
        return RejectedException.notFound("id", "There is no alert channel with id " + id + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
