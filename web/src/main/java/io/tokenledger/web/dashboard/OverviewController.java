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
 * {@code GET /api/v1/ledger}, so the numbers are identical; the month-end forecast, budget burn and a warning when
 * usage is unassigned.
 */
@Controller
class OverviewController {

    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final DeadLetters deadLetters;
    private final BudgetOverview budgetOverview;

    OverviewController(
            Ledgers ledgers, BusinessCalendar calendar, DeadLetters deadLetters, BudgetOverview budgetOverview) {
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.deadLetters = deadLetters;
        this.budgetOverview = budgetOverview;
    }

    /** A ledger line as the page shows it. */
    record Line(
            String tenant,
            LocalDate day,
            String requests,
            String promptTokens,
            String cachedPromptTokens,
            String completionTokens,
            String reasoningTokens,
            String unpricedRequests,
            MoneyFormat.Cell cost,
            long barPercent) {

        static Line of(LedgerRow row, String currency, BigDecimal largest) {
            return new Line(
                    row.tenant(),
                    row.day(),
                    MoneyFormat.count(row.requests()),
                    MoneyFormat.count(row.promptTokens()),
                    MoneyFormat.count(row.cachedPromptTokens()),
                    MoneyFormat.count(row.completionTokens()),
                    MoneyFormat.count(row.reasoningTokens()),
                    MoneyFormat.count(row.unpricedRequests()),
                    MoneyFormat.cell(row.cost(), currency),
                    MoneyFormat.percentOf(row.cost(), largest));
        }
    }

    @GetMapping("/")
    String overview(Model model) {
        LocalDate today = calendar.today();
        Ledger byTenant = ledgers.query(Ledgers.monthToDate(today, List.of(LedgerDimension.TENANT)));
        Ledger byDay = ledgers.query(Ledgers.monthToDate(today, List.of(LedgerDimension.DAY)));
        String currency = byTenant.currency();
        BigDecimal largestDay = byDay.rows().stream()
                .map(LedgerRow::cost)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        model.addAttribute("period", today.withDayOfMonth(1));
        model.addAttribute("today", today);
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", currency);
        model.addAttribute("total", MoneyFormat.cell(byTenant.total(), currency));
        model.addAttribute("unpricedRequests", byTenant.unpricedRequests());
        model.addAttribute("unpricedRequestsText", MoneyFormat.count(byTenant.unpricedRequests()));
        model.addAttribute(
                "requests",
                MoneyFormat.count(
                        byTenant.rows().stream().mapToLong(LedgerRow::requests).sum()));
        model.addAttribute(
                "tenants",
                byTenant.rows().stream()
                        .sorted(Comparator.comparing(LedgerRow::cost).reversed())
                        .map(row -> Line.of(row, currency, BigDecimal.ZERO))
                        .toList());
        model.addAttribute(
                "days",
                byDay.rows().stream()
                        .map(row -> Line.of(row, currency, largestDay))
                        .toList());
        model.addAttribute("budgets", budgetOverview.of(byTenant, today));
        model.addAttribute(
                "deadLettersLastDay",
                deadLetters.countWaitingSince(Instant.now().minus(Duration.ofDays(1))));
        return "overview";
    }
}
