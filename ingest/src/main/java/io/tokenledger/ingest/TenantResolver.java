package io.tokenledger.ingest;

import org.springframework.stereotype.Component;

/**
 * Decides who is charged for an event. Until mapping rules exist: the explicit {@code tenant}, else the APIM
 * subscription name, else the subscription id, else {@value #UNASSIGNED} — usage is never dropped.
 */
@Component
class TenantResolver {

    static final String UNASSIGNED = "unassigned";

    String tenantOf(UsageEvent event) {
        if (event.tenant() != null) {
            return event.tenant();
        }
        if (event.subscriptionName() != null) {
            return event.subscriptionName();
        }
        if (event.subscriptionId() != null) {
            return event.subscriptionId();
        }
        return UNASSIGNED;
    }
}
