package io.tokenledger.web.tenants;

import io.tokenledger.ingest.browse.EventFilter;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.ViewerScopes;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A tenant's spend by user over business days (the period so far unless asked), each linking to its events. */
@Controller
class TenantUsersPageController {

    private final TenantBreakdown breakdown;
    private final ViewerScopes scopes;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    TenantUsersPageController(
            TenantBreakdown breakdown, ViewerScopes scopes, BusinessCalendar calendar, RateCards rateCards) {
        this.breakdown = breakdown;
        this.scopes = scopes;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    @GetMapping("/tenants/{key}/users")
    String page(
            @PathVariable String key,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            Model model) {
        scopes.require(key);
        String currency = rateCards.reportingCurrency();
        EventFilter filter = PageEventFilters.ofDays(key, from, to, calendar.today(), null, null, null);
        PageContext.add(model, calendar, currency);
        model.addAttribute("tenantKey", key);
        model.addAttribute("filter", filter);
        model.addAttribute("users", breakdown.users(filter, currency));
        model.addAttribute("topUsers", TenantBreakdown.TOP_USERS);
        return "tenant-users";
    }
}
