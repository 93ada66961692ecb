package io.tokenledger.web.periods;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.periods.PeriodStatus;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing periods: each month's usage, the adjustments booked in it and its total, open or closed; a button closes
 * an ended period (its statements are frozen from then on), and the open period's adjustments are listed.
 */
@Controller
class PeriodsPageController {

    private final BillingPeriods periods;
    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    PeriodsPageController(BillingPeriods periods, Ledgers ledgers, BusinessCalendar calendar, RateCards rateCards) {
        this.periods = periods;
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    /** A period as the table shows it. */
    record PeriodRow(
            String period,
            String status,
            MoneyFormat.Cell usage,
            MoneyFormat.Cell adjustments,
            MoneyFormat.Cell total,
            String closed,
            boolean closable) {}

    /** An adjustment of the open period. */
    record AdjustmentRow(String label, String tenant, String deployment, String requests, MoneyFormat.Cell cost) {}

    @GetMapping("/periods")
    String page(Model model) {
        String currency = rateCards.reportingCurrency();
        YearMonth current = calendar.currentPeriod();
        PageContext.add(model, calendar, currency);
        model.addAttribute(
                "periods",
                periods.all().stream()
                        .map(status -> row(status, current, currency))
                        .toList());
        model.addAttribute(
                "adjustments",
                ledgers.adjustmentsBookedIn(current, TenantScope.allTenants()).stream()
                        .map(line -> new AdjustmentRow(
                                line.label(),
                                line.tenant(),
                                line.deployment() + (line.model() == null ? "" : " · " + line.model()),
                                MoneyFormat.count(line.requests()),
                                MoneyFormat.cell(line.cost(), currency)))
                        .toList());
        model.addAttribute("currentPeriod", current.toString());
        return "periods";
    }

    @PostMapping("/periods/{period}/close")
    String close(@PathVariable String period, Principal principal, RedirectAttributes redirect) {
        try {
            PeriodStatus closed = periods.close(YearMonth.parse(period), principal.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Closed " + closed.period() + ": its statements are frozen; usage arriving for it from now on is"
                            + " booked as an adjustment in the open period.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "A period is a month as YYYY-MM, was '" + period + "'.");
        }
        return "redirect:/periods";
    }

    private static PeriodRow row(PeriodStatus status, YearMonth current, String currency) {
        return new PeriodRow(
                status.period().toString(),
                status.closed() ? "closed" : status.period().equals(current) ? "open (current)" : "open",
                MoneyFormat.cell(status.usage(), currency),
                MoneyFormat.cell(status.adjustments(), currency),
                MoneyFormat.cell(status.total(), currency),
                status.closed()
                        ? status.closedAt().toString().substring(0, 16).replace('T', ' ') + " UTC by "
                                + status.closedBy()
                        : "",
                !status.closed() && status.period().isBefore(current));
    }
}
