package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventCursor;
import io.tokenledger.ingest.browse.EventFilter;
import io.tokenledger.ingest.browse.EventPage;
import io.tokenledger.ingest.browse.StoredEvent;
import io.tokenledger.ingest.browse.StoredEvents;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.ViewerScopes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drill-down from a tenant's spend to single usage events: newest first, {@link #PAGE} at a time with a keyset
 * cursor ({@code after}), filtered by business days, deployment, model and user. Never an unbounded list.
 */
@Controller
class TenantEventsPageController {

    static final int PAGE = 50;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StoredEvents events;
    private final ViewerScopes scopes;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    TenantEventsPageController(
            StoredEvents events, ViewerScopes scopes, BusinessCalendar calendar, RateCards rateCards) {
        this.events = events;
        this.scopes = scopes;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    /** An event as the table shows it. */
    record EventLine(
            String id,
            String time,
            String day,
            String deployment,
            String model,
            String user,
            String subscription,
            String promptTokens,
            String cachedPromptTokens,
            String completionTokens,
            String reasoningTokens,
            MoneyFormat.Cell cost,
            boolean unpriced,
            String status) {}

    @GetMapping("/tenants/{key}/events")
    String page(
            @PathVariable String key,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String deployment,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String after,
            Model page) {
        scopes.require(key);
        String currency = rateCards.reportingCurrency();
        EventFilter filter = PageEventFilters.ofDays(key, from, to, calendar.today(), deployment, model, user);
        Optional<EventCursor> cursor = EventCursor.parse(after);
        EventPage result = events.page(filter, cursor, PAGE);
        PageContext.add(page, calendar, currency);
        page.addAttribute("tenantKey", key);
        page.addAttribute("filter", filter);
        page.addAttribute("firstPage", cursor.isPresent());
        page.addAttribute("next", result.next().map(EventCursor::token).orElse(null));
        page.addAttribute("pageSize", PAGE);
        page.addAttribute(
                "events",
                result.events().stream().map(event -> line(event, currency)).toList());
        return "tenant-events";
    }

    private static EventLine line(StoredEvent event, String currency) {
        return new EventLine(
                event.eventId(),
                TIME.format(event.eventTime().atOffset(ZoneOffset.UTC)) + " UTC",
                event.usageDay().toString(),
                event.deployment(),
                event.model(),
                event.user(),
                event.subscription(),
                MoneyFormat.count(event.promptTokens()),
                MoneyFormat.count(event.cachedPromptTokens()),
                MoneyFormat.count(event.completionTokens()),
                MoneyFormat.count(event.reasoningTokens()),
                event.cost() == null ? null : MoneyFormat.cell(event.cost(), currency),
                event.cost() == null,
                event.statusCode() == null ? "" : event.statusCode().toString());
    }
}
