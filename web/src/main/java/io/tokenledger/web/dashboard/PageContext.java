package io.tokenledger.web.dashboard;

import io.tokenledger.pricing.BusinessCalendar;
import org.springframework.ui.Model;

/** What the layout's header shows on every page: the period, the business time zone and the currency. */
final class PageContext {

    private PageContext() {}

    static void add(Model model, BusinessCalendar calendar, String currency) {
        model.addAttribute("period", calendar.currentPeriod().atDay(1));
        model.addAttribute("today", calendar.today());
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", currency);
    }
}
