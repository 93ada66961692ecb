package io.tokenledger.web.tenants;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.NewTenantMappingRule;
import io.tokenledger.ingest.RuleChange;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.TenantMappingRule;
import io.tokenledger.ingest.TenantMappingRules;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.RunRate;
import io.tokenledger.web.pages.FormErrors;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.Viewer;
import io.tokenledger.web.security.ViewerScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenants page: every tenant with its spend this period, budget burn and forecast ({@code unassigned} always
 * shown, highlighted when it has usage), a form to add or update a tenant, and the mapping rules with add and
 * remove — a rule change re-attributes the open periods' usage at once.
 */
@Controller
class TenantsPageController {

    static final List<String> RULE_FIELDS =
            List.of("subscriptionName", "subscriptionId", "productId", "userId", "appId", "tenant");

    private final Tenants tenants;
    private final TenantMappingRules rules;
    private final Budgets budgets;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;
    private final ViewerScopes scopes;

    TenantsPageController(
            Tenants tenants,
            TenantMappingRules rules,
            Budgets budgets,
            BusinessCalendar calendar,
            RateCards rateCards,
            ViewerScopes scopes) {
        this.scopes = scopes;
        this.tenants = tenants;
        this.rules = rules;
        this.budgets = budgets;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    /** A tenant as the table shows it. */
    record TenantRow(
            String key,
            String name,
            String costCenter,
            String ownerEmail,
            boolean unassigned,
            MoneyFormat.Cell spend,
            MoneyFormat.Cell budget,
            String burn,
            long burnPercent,
            boolean overBudget,
            MoneyFormat.Cell forecast) {}

    /** A mapping rule as the table shows it. */
    record RuleRow(long id, int priority, String field, String match, String pattern, String tenant, String createdBy) {

        static RuleRow of(TenantMappingRule rule) {
            return new RuleRow(
                    rule.id(),
                    rule.priority(),
                    rule.field(),
                    rule.match(),
                    rule.pattern(),
                    rule.tenant(),
                    rule.createdBy());
        }
    }

    @GetMapping("/tenants")
    String page(Model model) {
        String currency = rateCards.reportingCurrency();
        Viewer viewer = scopes.current();
        Map<String, Tenant> byKey = viewer.visibleTenants(tenants.all());
        Map<String, BigDecimal> spend = budgets.spendThisPeriod(byKey.keySet());
        Map<String, Budget> tenantBudgets = budgets.all().stream()
                .filter(budget -> budget.scope() == BudgetScope.TENANT)
                .collect(Collectors.toMap(Budget::subject, budget -> budget));
        List<TenantRow> rows = new ArrayList<>();
        for (Tenant tenant : byKey.values()) {
            rows.add(row(
                    tenant,
                    spend.getOrDefault(tenant.key(), BigDecimal.ZERO),
                    tenantBudgets.get(tenant.key()),
                    currency));
        }
        rows.sort(Comparator.comparing(TenantRow::unassigned).reversed().thenComparing(TenantRow::key));
        PageContext.add(model, calendar, currency);
        model.addAttribute("tenants", rows);
        model.addAttribute(
                "unassignedSpend", MoneyFormat.cell(spend.getOrDefault(Tenant.UNASSIGNED, BigDecimal.ZERO), currency));
        model.addAttribute(
                "hasUnassignedUsage",
                spend.getOrDefault(Tenant.UNASSIGNED, BigDecimal.ZERO).signum() != 0);
        // mapping rules name every tenant: configuration, for those who see all tenants
        model.addAttribute(
                "rules",
                viewer.seesAllTenants() ? rules.all().stream().map(RuleRow::of).toList() : List.of());
        model.addAttribute("seesAllTenants", viewer.seesAllTenants());
        model.addAttribute("admin", viewer.isAdmin());
        model.addAttribute(
                "tenantKeys",
                byKey.keySet().stream()
                        .filter(key -> !key.equals(Tenant.UNASSIGNED))
                        .toList());
        model.addAttribute("ruleFields", RULE_FIELDS);
        return "tenants";
    }

    /** The tenant form; {@link Tenants#save} checks the details. */
    record TenantForm(
            @NotBlank(message = "key is required") String key, String name, String costCenter, String ownerEmail) {

        Tenant tenant() {
            return new Tenant(key, name, costCenter, ownerEmail);
        }
    }

    /** The mapping-rule form; {@code attribute} names the attribute when {@code field} is {@code attributes}. */
    record RuleForm(
            @NotBlank(message = "field is required") String field,
            String attribute,
            @NotBlank(message = "match is required") String match,
            @NotBlank(message = "pattern is required") String pattern,
            @NotBlank(message = "tenant is required") String tenant,
            Integer priority) {

        NewTenantMappingRule rule() {
            String ruleField =
                    "attributes".equals(field) ? "attributes." + (attribute == null ? "" : attribute.strip()) : field;
            return new NewTenantMappingRule(ruleField, match, pattern, tenant, priority);
        }
    }

    @PostMapping("/tenants")
    String save(@Valid TenantForm form, BindingResult errors, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return "redirect:/tenants";
        }
        try {
            Tenants.Saved saved = tenants.save(form.tenant());
            redirect.addFlashAttribute(
                    "notice",
                    (saved.created() ? "Created tenant " : "Saved tenant ")
                            + saved.tenant().key() + ".");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tenants";
    }

    @PostMapping("/tenants/mappings")
    String addRule(@Valid RuleForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return "redirect:/tenants#rules";
        }
        try {
            RuleChange change = rules.add(form.rule(), principal.getName());
            redirect.addFlashAttribute("notice", "Added the rule " + describe(change.rule()) + moved(change));
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tenants#rules";
    }

    @PostMapping("/tenants/mappings/{id}/delete")
    String removeRule(@PathVariable long id, RedirectAttributes redirect) {
        try {
            RuleChange change = rules.remove(id);
            redirect.addFlashAttribute("notice", "Removed the rule " + describe(change.rule()) + moved(change));
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tenants#rules";
    }

    private static String describe(TenantMappingRule rule) {
        return rule.field() + " " + rule.match() + " '" + rule.pattern() + "' → " + rule.tenant();
    }

    private static String moved(RuleChange change) {
        if (change.movedEvents() == 0) {
            return "; no stored usage of open periods changed tenant.";
        }
        return "; " + change.movedEvents() + " event(s) of open periods moved between "
                + String.join(", ", change.tenants().stream().sorted().toList()) + ".";
    }

    private TenantRow row(Tenant tenant, BigDecimal spend, Budget budget, String currency) {
        BigDecimal forecast = RunRate.forecast(spend, calendar.currentPeriod(), calendar.today());
        BigDecimal monthly = budget == null ? null : budget.monthly();
        BigDecimal burn = RunRate.percent(spend, monthly);
        return new TenantRow(
                tenant.key(),
                tenant.name(),
                tenant.costCenter(),
                tenant.ownerEmail(),
                tenant.isUnassigned(),
                MoneyFormat.cell(spend, currency),
                monthly == null ? null : MoneyFormat.cell(monthly, currency),
                burn == null ? "" : burn.toPlainString() + "%",
                burn == null ? 0 : Math.min(100, burn.longValue()),
                burn != null && burn.compareTo(BigDecimal.valueOf(100)) >= 0,
                MoneyFormat.cell(forecast, currency));
    }
}
