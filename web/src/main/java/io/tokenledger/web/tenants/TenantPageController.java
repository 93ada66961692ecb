package io.tokenledger.web.tenants;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.alerts.Alerts;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.BudgetStatus;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import io.tokenledger.reporting.ledger.AdjustmentLine;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.alerts.DeliverySummary;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One tenant's page, where alert messages link to: its details and budget (editable), its spend this period by
 * deployment with the adjustments booked in it, the month-end forecast, and its recent alerts.
 */
@Controller
class TenantPageController {

    private final Tenants tenants;
    private final Budgets budgets;
    private final Ledgers ledgers;
    private final Alerts alerts;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;
    private final ViewerScopes scopes;
    private final TenantBreakdown breakdown;

    TenantPageController(
            ViewerScopes scopes,
            TenantBreakdown breakdown,
            Tenants tenants,
            Budgets budgets,
            Ledgers ledgers,
            Alerts alerts,
            BusinessCalendar calendar,
            RateCards rateCards) {
        this.tenants = tenants;
        this.budgets = budgets;
        this.ledgers = ledgers;
        this.alerts = alerts;
        this.calendar = calendar;
        this.rateCards = rateCards;
        this.scopes = scopes;
        this.breakdown = breakdown;
    }

    /** A line of the tenant's spend: a deployment's usage or an adjustment. */
    record SpendLine(String label, String requests, MoneyFormat.Cell cost) {}

    /** An alert as the tenant page lists it. */
    record AlertLine(String firedAt, String headline, String window, MoneyFormat.Cell spend, String delivery) {}

    @GetMapping("/tenants/{key}")
    String page(@PathVariable String key, Model model) {
        // outside the viewer's scope: 403 before anything is read, the same whether the tenant exists or not
        TenantScope scope = scopes.narrowedTo(key);
        String currency = rateCards.reportingCurrency();
        Tenant tenant = tenants.find(key)
                .or(() -> key.equals(Tenant.UNASSIGNED)
                        ? Optional.of(new Tenant(Tenant.UNASSIGNED, "Unassigned", null))
                        : Optional.empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no tenant " + key));
        LocalDate today = calendar.today();
        List<SpendLine> lines = new ArrayList<>();
        for (LedgerRow row : ledgers.query(new LedgerQuery(
                        today.withDayOfMonth(1), today, List.of(LedgerDimension.DEPLOYMENT), Optional.of(key), scope))
                .rows()) {
            lines.add(new SpendLine(
                    row.deployment(), MoneyFormat.count(row.requests()), MoneyFormat.cell(row.cost(), currency)));
        }
        for (AdjustmentLine adjustment : ledgers.adjustmentsBookedIn(calendar.currentPeriod(), scope)) {
            lines.add(new SpendLine(
                    adjustment.label() + " · " + adjustment.deployment(),
                    MoneyFormat.count(adjustment.requests()),
                    MoneyFormat.cell(adjustment.cost(), currency)));
        }
        Optional<Budget> budget = budgets.find(BudgetScope.TENANT, key);
        BudgetStatus status = budgets.status(
                budget.orElse(new Budget(BudgetScope.TENANT, key, null, NewBudget.DEFAULT_STEPS, null, null, null)));
        PageContext.add(model, calendar, currency);
        breakdown.addTo(model, key, scope, today, currency);
        model.addAttribute("admin", scopes.current().isAdmin());
        model.addAttribute("statementPeriod", calendar.currentPeriod().toString());
        model.addAttribute("tenant", tenant);
        model.addAttribute("lines", lines);
        model.addAttribute("spend", MoneyFormat.cell(status.spend(), currency));
        model.addAttribute("forecast", MoneyFormat.cell(status.forecast(), currency));
        model.addAttribute("spendToday", MoneyFormat.cell(status.spendToday(), currency));
        model.addAttribute("budget", budget.orElse(null));
        model.addAttribute(
                "monthly",
                budget.map(Budget::monthly).map(BigDecimal::toPlainString).orElse(""));
        model.addAttribute(
                "steps",
                String.join(
                        ",",
                        budget.map(Budget::steps).orElse(NewBudget.DEFAULT_STEPS).stream()
                                .map(String::valueOf)
                                .toList()));
        model.addAttribute(
                "daily",
                budget.map(Budget::daily).map(BigDecimal::toPlainString).orElse(""));
        model.addAttribute("burn", status.percentOfMonthly() == null ? "" : status.percentOfMonthly() + "%");
        model.addAttribute(
                "burnPercent",
                status.percentOfMonthly() == null
                        ? 0
                        : Math.min(100, status.percentOfMonthly().longValue()));
        model.addAttribute(
                "forecastBurn",
                status.forecastPercentOfMonthly() == null ? "" : status.forecastPercentOfMonthly() + "%");
        model.addAttribute(
                "alerts",
                alerts.recent(20, TenantScope.only(Set.of(key))).stream()
                        .map(fired -> new AlertLine(
                                fired.alert()
                                                .firedAt()
                                                .toString()
                                                .substring(0, 16)
                                                .replace('T', ' ') + " UTC",
                                fired.headline(),
                                fired.alert().windowStart().toString(),
                                MoneyFormat.cell(fired.alert().spend(), currency),
                                DeliverySummary.of(fired.deliveries())))
                        .toList());
        return "tenant";
    }

    /** The details form of a tenant's page (the key is the page's); {@link Tenants#save} checks them. */
    record DetailsForm(String name, String costCenter, String ownerEmail) {}

    @PostMapping("/tenants/{key}")
    String save(@PathVariable String key, DetailsForm form, RedirectAttributes redirect) {
        try {
            tenants.save(new Tenant(key, form.name(), form.costCenter(), form.ownerEmail()));
            redirect.addFlashAttribute("notice", "Saved.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(key);
    }

    static String redirectTo(String key) {
        return "redirect:/tenants/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
