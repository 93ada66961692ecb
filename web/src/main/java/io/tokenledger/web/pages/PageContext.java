package io.tokenledger.web.pages;

import io.tokenledger.pricing.BusinessCalendar;
import org.springframework.ui.Model;

/** What the layout's header shows on every page: the period, the business time zone and the currency. */
public final class PageContext {

    private PageContext() {}

    public static void add(Model model, BusinessCalendar calendar, String currency) {
        model.addAttribute("period", calendar.currentPeriod().atDay(1));
        model.addAttribute("today", calendar.today());
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", currency);
    }
}
