package io.tokenledger.web.tenants;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget forms: a tenant's on its page ({@code POST /tenants/{key}/budget}, {@code …/budget/delete}) and a cost
 * center's on the alerts page ({@code POST /alerts/cost-center-budgets}, {@code …/delete}); each goes back to the
 * page it came from with a notice or the reason it was refused.
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
            @RequestParam(required = false) String monthly,
            @RequestParam(required = false) String steps,
            @RequestParam(required = false) String daily,
            Principal principal,
            RedirectAttributes redirect) {
        BudgetForm.save(
                budgets,
                BudgetScope.TENANT,
                key,
                monthly,
                steps,
                daily,
                principal.getName(),
                redirect,
                "Budget saved.");
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
            @RequestParam String costCenter,
            @RequestParam(required = false) String monthly,
            @RequestParam(required = false) String steps,
            @RequestParam(required = false) String daily,
            Principal principal,
            RedirectAttributes redirect) {
        BudgetForm.save(
                budgets,
                BudgetScope.COST_CENTER,
                costCenter,
                monthly,
                steps,
                daily,
                principal.getName(),
                redirect,
                "Budget of cost center " + costCenter.strip() + " saved.");
        return "redirect:/alerts#budgets";
    }

    @PostMapping("/alerts/cost-center-budgets/delete")
    String removeCostCenterBudget(@RequestParam String costCenter, RedirectAttributes redirect) {
        budgets.remove(BudgetScope.COST_CENTER, costCenter);
        redirect.addFlashAttribute("notice", "Budget of cost center " + costCenter + " removed.");
        return "redirect:/alerts#budgets";
    }
}
