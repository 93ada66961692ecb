package io.tokenledger.web.alerts;

import io.tokenledger.reporting.alerts.AlertChannel;
import io.tokenledger.reporting.alerts.AlertChannels;
import io.tokenledger.reporting.alerts.ChannelScope;
import io.tokenledger.reporting.alerts.NewAlertChannel;
import io.tokenledger.web.api.ApiProblem;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alert-channels}: Slack incoming webhooks and signed generic webhooks. URLs are shown masked; a
 * webhook's signing secret only in the answer that creates it. {@code POST /{id}/test} sends a test message now.
 */
@RestController
@RequestMapping("/api/v1/alert-channels")
class AlertChannelsController {

    private final AlertChannels channels;

    AlertChannelsController(AlertChannels channels) {
        this.channels = channels;
    }

    /** A channel as a caller sends it ({@code tenant} and {@code costCenter} null = every tenant). */
    record ChannelJson(String type, String url, String name, String tenant, String costCenter) {}

    @GetMapping
    List<Map<String, Object>> all() {
        return channels.all().stream().map(AlertChannelsController::channelJson).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody ChannelJson body, Principal principal) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be an alert channel, e.g. {\"type\":\"slack\","
                    + "\"url\":\"https://hooks.slack.com/services/…\",\"tenant\":null}.");
        }
        AlertChannels.Created created = channels.create(
                new NewAlertChannel(body.type(), body.url(), body.name(), body.tenant(), body.costCenter()),
                principal.getName());
        Map<String, Object> json = channelJson(created.channel());
        if (created.secret() != null) {
            json.put("secret", created.secret());
            json.put(
                    "secretNote",
                    "Shown only now: the receiver verifies X-TokenLedger-Signature with it (docs/alerts.md).");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        channels.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    Map<String, Object> sendTest(@PathVariable long id) {
        AlertChannels.TestResult result = channels.sendTest(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveryId", result.deliveryId());
        json.put("delivered", result.delivered());
        json.put("status", result.status());
        json.put("error", result.error());
        return json;
    }

    static Map<String, Object> channelJson(AlertChannel channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", channel.id());
        json.put("type", channel.type());
        json.put("name", channel.name());
        json.put("url", channel.maskedUrl());
        json.put("tenant", channel.scope() == ChannelScope.TENANT ? channel.subject() : null);
        json.put("costCenter", channel.scope() == ChannelScope.COST_CENTER ? channel.subject() : null);
        json.put("createdAt", channel.createdAt());
        json.put("createdBy", channel.createdBy());
        return json;
    }
}
