package io.tokenledger.web.tenants;

import io.tokenledger.db.RejectedException;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.web.pages.FormErrors;
import java.security.Principal;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget forms: a tenant's on its page ({@code POST /tenants/{key}/budget}, {@code …/budget/delete}) and a cost
 * center's on the alerts page ({@code POST /alerts/cost-center-budgets}, {@code …/delete}); each goes back to the
 * page it came from with a notice or what was wrong.
 */
@Controller
class BudgetsPageController {

    private final Budgets budgets;

    BudgetsPageController(Budgets budgets) {
        this.budgets = budgets;
    }

    @PostMapping("/tenants/{key}/budget")
    String setTenantBudget(
            @PathVariable String key,
            BudgetForm form,
            BindingResult errors,
            Principal principal,
            RedirectAttributes redirect) {
        save(BudgetScope.TENANT, key, form, errors, principal, redirect, saved -> "Budget saved.");
        return TenantPageController.redirectTo(key);
    }

    @PostMapping("/tenants/{key}/budget/delete")
    String removeTenantBudget(@PathVariable String key, RedirectAttributes redirect) {
        budgets.remove(BudgetScope.TENANT, key);
        redirect.addFlashAttribute("notice", "Budget removed.");
        return TenantPageController.redirectTo(key);
    }

    @PostMapping("/alerts/cost-center-budgets")
    String setCostCenterBudget(
            @RequestParam(required = false) String costCenter,
            BudgetForm form,
            BindingResult errors,
            Principal principal,
            RedirectAttributes redirect) {
        save(
                BudgetScope.COST_CENTER,
                costCenter,
                form,
                errors,
                principal,
                redirect,
                saved -> "Budget of cost center " + saved.subject() + " saved.");
        return "redirect:/alerts#budgets";
    }

    @PostMapping("/alerts/cost-center-budgets/delete")
    String removeCostCenterBudget(@RequestParam String costCenter, RedirectAttributes redirect) {
        budgets.remove(BudgetScope.COST_CENTER, costCenter);
        redirect.addFlashAttribute("notice", "Budget of cost center " + costCenter + " removed.");
        return "redirect:/alerts#budgets";
    }

    /** Saves the form's budget and tells the page how it went: the notice, or why it was refused. */
    private void save(
            BudgetScope scope,
            String subject,
            BudgetForm form,
            BindingResult errors,
            Principal principal,
            RedirectAttributes redirect,
            Function<Budget, String> notice) {
        if (FormErrors.flashed(errors, redirect)) {
            return;
        }
        try {
            Budget saved = budgets.set(scope, subject, form.budget(), principal.getName());
            redirect.addFlashAttribute("notice", notice.apply(saved));
        } catch (RejectedException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }
}
