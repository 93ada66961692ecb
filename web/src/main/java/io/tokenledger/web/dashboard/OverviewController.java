package io.tokenledger.web.dashboard;

import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in: month-to-date cost per tenant and per day, from the same ledger query as
 * {@code GET /api/v1/ledger}, so the numbers are identical.
 */
@Controller
class OverviewController {

    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final DeadLetters deadLetters;

    OverviewController(Ledgers ledgers, BusinessCalendar calendar, DeadLetters deadLetters) {
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/")
    String overview(Model model) {
        LocalDate today = calendar.today();
        Ledger byTenant = ledgers.query(Ledgers.monthToDate(today, List.of(LedgerDimension.TENANT)));
        Ledger byDay = ledgers.query(Ledgers.monthToDate(today, List.of(LedgerDimension.DAY)));
        List<LedgerRow> tenants = byTenant.rows().stream()
                .sorted(Comparator.comparing(LedgerRow::cost).reversed())
                .toList();
        BigDecimal maxDay = byDay.rows().stream()
                .map(LedgerRow::cost)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        model.addAttribute("period", today.withDayOfMonth(1));
        model.addAttribute("today", today);
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", byTenant.currency());
        model.addAttribute("total", byTenant.total());
        model.addAttribute("unpricedRequests", byTenant.unpricedRequests());
        model.addAttribute("requests", tenants.stream().mapToLong(LedgerRow::requests).sum());
        model.addAttribute("tenants", tenants);
        model.addAttribute("days", byDay.rows());
        model.addAttribute("maxDay", maxDay);
        model.addAttribute(
                "deadLettersLastDay", deadLetters.countSince(Instant.now().minus(Duration.ofDays(1))));
        return "overview";
    }
}
