package io.tokenledger.web.tenants;

import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.Viewer;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budgets: {@code GET/PUT/DELETE /api/v1/tenants/{key}/budget}, {@code PUT/DELETE /api/v1/cost-centers/{name}/budget}
 * and {@code GET /api/v1/budgets} (the caller's tenants' budgets; cost-center budgets for those who see every tenant).
 */
@RestController
@RequestMapping("/api/v1")
class BudgetsController {

    private final Budgets budgets;
    private final ViewerScopes scopes;

    BudgetsController(Budgets budgets, ViewerScopes scopes) {
        this.budgets = budgets;
        this.scopes = scopes;
    }

    /** A budget as a caller sends it: amounts as decimal strings. */
    record BudgetJson(String monthly, List<Integer> steps, String daily) {}

    @GetMapping("/tenants/{key}/budget")
    Map<String, Object> tenantBudget(@PathVariable String key) {
        scopes.require(key);
        return budgetJson(budgets.find(BudgetScope.TENANT, key)
                .orElseThrow(() -> ApiProblem.notFound("Tenant '" + key + "' has no budget.")));
    }

    @PutMapping("/tenants/{key}/budget")
    Map<String, Object> setTenantBudget(@PathVariable String key, @RequestBody BudgetJson body, Principal principal) {
        return budgetJson(budgets.set(BudgetScope.TENANT, key, newBudget(body), principal.getName()));
    }

    @DeleteMapping("/tenants/{key}/budget")
    ResponseEntity<Void> removeTenantBudget(@PathVariable String key) {
        if (!budgets.remove(BudgetScope.TENANT, key)) {
            throw ApiProblem.notFound("Tenant '" + key + "' has no budget.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/budgets")
    List<Map<String, Object>> allBudgets() {
        // cost-center budgets span tenants: only for those who see every tenant
        Viewer viewer = scopes.current();
        return budgets.all().stream()
                .filter(budget -> viewer.seesAllTenants()
                        || budget.scope() == BudgetScope.TENANT && viewer.sees(budget.subject()))
                .map(BudgetsController::budgetJson)
                .toList();
    }

    @PutMapping("/cost-centers/{name}/budget")
    Map<String, Object> setCostCenterBudget(
            @PathVariable String name, @RequestBody BudgetJson body, Principal principal) {
        return budgetJson(budgets.set(BudgetScope.COST_CENTER, name, newBudget(body), principal.getName()));
    }

    @DeleteMapping("/cost-centers/{name}/budget")
    ResponseEntity<Void> removeCostCenterBudget(@PathVariable String name) {
        if (!budgets.remove(BudgetScope.COST_CENTER, name)) {
            throw ApiProblem.notFound("Cost center '" + name + "' has no budget.");
        }
        return ResponseEntity.noContent().build();
    }

    private static NewBudget newBudget(BudgetJson body) {
        if (body == null) {
            throw ApiProblem.badRequest(
                    "The body must be a budget JSON object, e.g. {\"monthly\":\"500.00\",\"steps\":[50,80,100],"
                            + "\"daily\":\"50.00\"}.");
        }
        return new NewBudget(amount("monthly", body.monthly()), body.steps(), amount("daily", body.daily()));
    }

    static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    field + " must be a decimal amount as a string, e.g. \"500.00\", was '" + value + "'");
        }
    }

    static Map<String, Object> budgetJson(Budget budget) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scope", budget.scope() == BudgetScope.TENANT ? "tenant" : "costCenter");
        json.put(budget.scope() == BudgetScope.TENANT ? "tenant" : "costCenter", budget.subject());
        json.put("monthly", budget.monthly() == null ? null : Amounts.exact(budget.monthly()));
        json.put("steps", budget.steps());
        json.put("daily", budget.daily() == null ? null : Amounts.exact(budget.daily()));
        json.put("updatedAt", budget.updatedAt());
        json.put("updatedBy", budget.updatedBy());
        return json;
    }
}
