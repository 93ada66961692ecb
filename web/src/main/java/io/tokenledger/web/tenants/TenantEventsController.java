package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventCursor;
import io.tokenledger.ingest.browse.EventFilter;
import io.tokenledger.ingest.browse.EventPage;
import io.tokenledger.ingest.browse.StoredEvent;
import io.tokenledger.ingest.browse.StoredEvents;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.ViewerScopes;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tenants/{key}/usage-events?from&to&deployment&model&user[&after&limit]}: the drill-down from a
 * tenant's spend to its single usage events, as the tenant's events page shows them.
 */
@RestController
class TenantEventsController {

    private final StoredEvents events;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    TenantEventsController(StoredEvents events, BusinessCalendar calendar, ViewerScopes scopes) {
        this.events = events;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    /**
     * One tenant's stored usage events, newest first, {@code limit} (at most 500) a page; {@code next} is the
     * {@code after} of the following page, null on the last.
     */
    @GetMapping("/api/v1/tenants/{key}/usage-events")
    Map<String, Object> usageEvents(
            @PathVariable String key,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String deployment,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        scopes.require(key);
        if (limit < 1 || limit > StoredEvents.MAX_PAGE) {
            throw ApiProblem.badRequest("limit must be between 1 and " + StoredEvents.MAX_PAGE + ", was " + limit);
        }
        Optional<EventCursor> cursor = EventCursor.parse(after);
        if (after != null && cursor.isEmpty()) {
            throw ApiProblem.badRequest("after must be the 'next' of a previous page, was '" + after + "'");
        }
        EventFilter filter = EventFilter.ofDays(key, from, to, calendar.today(), deployment, model, user);
        EventPage page = events.page(filter, cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", key);
        body.put("from", filter.from());
        body.put("to", filter.to());
        body.put(
                "items",
                page.events().stream().map(TenantEventsController::eventJson).toList());
        body.put("next", page.next().map(EventCursor::token).orElse(null));
        return body;
    }

    private static Map<String, Object> eventJson(StoredEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.eventId());
        json.put("time", event.eventTime());
        json.put("day", event.usageDay());
        json.put("deployment", event.deployment());
        json.put("model", event.model());
        json.put("user", event.user());
        json.put("subscription", event.subscription());
        json.put("requests", event.requests());
        json.put("promptTokens", event.promptTokens());
        json.put("cachedPromptTokens", event.cachedPromptTokens());
        json.put("completionTokens", event.completionTokens());
        json.put("reasoningTokens", event.reasoningTokens());
        json.put("cost", event.cost() == null ? null : Amounts.exact(event.cost()));
        json.put("statusCode", event.statusCode());
        return json;
    }
}
