package io.tokenledger.reporting.alerts;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.reporting.ledger.TenantScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fired alerts with their delivery state, and the delivery log, for pages and the API. */
@Service
public class Alerts {

    private final AlertRepository alerts;
    private final DeliveryRepository deliveries;
    private final AlertMessages messages;
    private final Tenants tenants;

    Alerts(AlertRepository alerts, DeliveryRepository deliveries, AlertMessages messages, Tenants tenants) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.messages = messages;
        this.tenants = tenants;
    }

    /**
     * An alert as people read it: its subject's name, one sentence, and every delivery of it.
     *
     * @param headline e.g. {@code Acme Corp reached 80% of its monthly budget}
     * @param percentOfBudget spend as a percentage of the budget at firing time, one decimal
     */
    public record FiredAlert(
            Alert alert, String subjectName, String headline, String percentOfBudget, List<DeliveryEntry> deliveries) {}

    /** The newest alerts first, of the tenants in {@code scope} (and their cost centers) only when it is limited. */
    @Transactional(readOnly = true)
    public List<FiredAlert> recent(int limit, TenantScope scope) {
        Optional<Collection<String>> tenantKeys = scope.all() ? Optional.empty() : Optional.of(scope.keys());
        List<String> costCenters = scope.all()
                ? List.of()
                : tenants.withKeys(scope.keys()).stream()
                        .map(Tenant::costCenter)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        List<Alert> fired = alerts.recent(limit, tenantKeys, costCenters);
        Map<Long, List<DeliveryEntry>> byAlert = fired.isEmpty()
                ? Map.of()
                : deliveries
                        .log(Integer.MAX_VALUE, fired.stream().map(Alert::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(DeliveryEntry::alertId));
        List<FiredAlert> result = new ArrayList<>();
        for (Alert alert : fired) {
            AlertText text = messages.text(alert);
            List<DeliveryEntry> of = new ArrayList<>(byAlert.getOrDefault(alert.id(), List.of()));
            of.sort(Comparator.comparing(DeliveryEntry::deliveryId));
            result.add(new FiredAlert(alert, text.subjectName(), text.headline(), text.percentOfBudget(), of));
        }
        return result;
    }

    /** The newest deliveries first (alerts and test messages). */
    @Transactional(readOnly = true)
    public List<DeliveryEntry> deliveryLog(int limit) {
        return deliveries.log(limit, null);
    }
}
