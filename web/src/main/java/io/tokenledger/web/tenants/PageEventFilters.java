package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventFilter;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tenant's event filter for a page (the billing period so far unless days are given): days out of order answer 400
 * saying so, as the API does, rather than the error page of an unexpected failure.
 */
final class PageEventFilters {

    private PageEventFilters() {}

    static EventFilter ofDays(
            String tenant,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            String deployment,
            String model,
            String user) {
        try {
            return EventFilter.ofDays(tenant, from, to, today, deployment, model, user);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
