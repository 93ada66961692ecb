package io.tokenledger.web.tenants;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenants}: tenants with their owner, cost center, budget and spend in the current period
 * ({@code unassigned} always listed); {@code POST} creates or updates one, {@code PUT /api/v1/tenants/{key}} updates
 * one.
 */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantsController {

    private final Tenants tenants;
    private final Budgets budgets;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    TenantsController(Tenants tenants, Budgets budgets, BusinessCalendar calendar, ViewerScopes scopes) {
        this.tenants = tenants;
        this.budgets = budgets;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    /** A tenant as a caller sends it; the key comes from the path on {@code PUT}. */
    record TenantJson(String key, String name, String costCenter, String ownerEmail) {}

    /**
     * Every tenant the caller may see ({@code unassigned} included for admins and finance), with its budget and its
     * spend in the current period.
     */
    @GetMapping
    List<Map<String, Object>> all() {
        Map<String, Tenant> byKey = scopes.current().visibleTenants(tenants.all());
        Map<String, BigDecimal> spend = budgets.spendThisPeriod(byKey.keySet());
        Map<String, Budget> tenantBudgets = budgets.all().stream()
                .filter(budget -> budget.scope() == BudgetScope.TENANT)
                .collect(Collectors.toMap(Budget::subject, budget -> budget));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Tenant tenant : byKey.values()) {
            items.add(tenantJson(
                    tenant, tenantBudgets.get(tenant.key()), spend.getOrDefault(tenant.key(), BigDecimal.ZERO)));
        }
        return items;
    }

    @GetMapping("/{key}")
    Map<String, Object> one(@PathVariable String key) {
        scopes.require(key);
        Tenant tenant = tenants.find(key).orElseThrow(() -> ApiProblem.notFound("There is no tenant '" + key + "'."));
        BigDecimal spend = budgets.spendThisPeriod(Set.of(key)).getOrDefault(key, BigDecimal.ZERO);
        return tenantJson(tenant, budgets.find(BudgetScope.TENANT, key).orElse(null), spend);
    }

    /** Creates a tenant (201) or updates the details of an existing one (200). */
    @PostMapping
    ResponseEntity<Map<String, Object>> save(@RequestBody TenantJson body) {
        if (body == null) {
            throw ApiProblem.badRequest(
                    "The body must be a tenant JSON object, e.g. {\"key\":\"acme\",\"name\":\"Acme\"}.");
        }
        Tenants.Saved saved = tenants.save(new Tenant(body.key(), body.name(), body.costCenter(), body.ownerEmail()));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(tenantJson(saved.tenant(), null, null));
    }

    @PutMapping("/{key}")
    Map<String, Object> update(@PathVariable String key, @RequestBody TenantJson body) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a tenant JSON object.");
        }
        if (body.key() != null && !body.key().strip().equals(key)) {
            throw ApiProblem.badRequest("The body's key '" + body.key() + "' differs from the path's '" + key
                    + "'; tenant keys cannot be renamed.");
        }
        if (tenants.find(key).isEmpty()) {
            throw ApiProblem.notFound("There is no tenant '" + key + "'; create it with POST /api/v1/tenants.");
        }
        return tenantJson(
                tenants.save(new Tenant(key, body.name(), body.costCenter(), body.ownerEmail()))
                        .tenant(),
                null,
                null);
    }

    private Map<String, Object> tenantJson(Tenant tenant, Budget budget, BigDecimal spend) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", tenant.key());
        json.put("name", tenant.name());
        json.put("costCenter", tenant.costCenter());
        json.put("ownerEmail", tenant.ownerEmail());
        if (spend != null) {
            json.put("spendPeriod", calendar.currentPeriod().toString());
            json.put("spend", Amounts.exact(spend));
            json.put("budget", budget == null ? null : BudgetsController.budgetJson(budget));
        }
        return json;
    }
}
