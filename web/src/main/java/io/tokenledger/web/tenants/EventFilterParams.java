package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tenant's event filter from a page's query parameters (the billing period so far unless days are given); a day
 * that is not one, or days out of order, answer 400 naming what is wrong.
 */
final class EventFilterParams {

    private EventFilterParams() {}

    static EventFilter parse(
            String tenant, String from, String to, LocalDate today, String deployment, String model, String user) {
        try {
            return EventFilter.ofDays(tenant, day("from", from), day("to", to), today, deployment, model, user);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, parameter + " must be a day as YYYY-MM-DD, was '" + value + "'");
        }
    }
}
