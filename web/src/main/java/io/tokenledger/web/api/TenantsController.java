package io.tokenledger.web.api;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.ingest.browse.EventCursor;
import io.tokenledger.ingest.browse.EventFilter;
import io.tokenledger.ingest.browse.EventPage;
import io.tokenledger.ingest.browse.StoredEvent;
import io.tokenledger.ingest.browse.StoredEvents;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.security.Viewer;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenants}: tenants with their owner, cost center, budget and spend in the current period
 * ({@code unassigned} always listed); {@code PUT /api/v1/tenants/{key}/budget} and
 * {@code PUT /api/v1/cost-centers/{name}/budget} set budgets.
 */
@RestController
@RequestMapping("/api/v1")
class TenantsController {

    private final Tenants tenants;
    private final Budgets budgets;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;
    private final StoredEvents events;

    TenantsController(
            Tenants tenants, Budgets budgets, BusinessCalendar calendar, ViewerScopes scopes, StoredEvents events) {
        this.events = events;
        this.tenants = tenants;
        this.budgets = budgets;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    /** A tenant as a caller sends it; the key comes from the path on {@code PUT}. */
    record TenantJson(String key, String name, String costCenter, String ownerEmail) {}

    /** A budget as a caller sends it: amounts as decimal strings. */
    record BudgetJson(String monthly, List<Integer> steps, String daily) {}

    /**
     * Every tenant the caller may see ({@code unassigned} included for admins and finance), with its budget and its
     * spend in the current period.
     */
    @GetMapping("/tenants")
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

    @GetMapping("/tenants/{key}")
    Map<String, Object> one(@PathVariable String key) {
        scopes.require(key);
        Tenant tenant = tenants.find(key).orElseThrow(() -> ApiProblem.notFound("There is no tenant '" + key + "'."));
        BigDecimal spend = budgets.spendThisPeriod(Set.of(key)).getOrDefault(key, BigDecimal.ZERO);
        return tenantJson(tenant, budgets.find(BudgetScope.TENANT, key).orElse(null), spend);
    }

    /** Creates a tenant (201) or updates the details of an existing one (200). */
    @PostMapping("/tenants")
    ResponseEntity<Map<String, Object>> save(@RequestBody TenantJson body) {
        if (body == null) {
            throw ApiProblem.badRequest(
                    "The body must be a tenant JSON object, e.g. {\"key\":\"acme\",\"name\":\"Acme\"}.");
        }
        Tenants.Saved saved = tenants.save(new Tenant(body.key(), body.name(), body.costCenter(), body.ownerEmail()));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(tenantJson(saved.tenant(), null, null));
    }

    @PutMapping("/tenants/{key}")
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

    /**
     * One tenant's stored usage events, newest first, {@code limit} (at most 500) a page; {@code next} is the
     * {@code after} of the following page, null on the last.
     */
    @GetMapping("/tenants/{key}/usage-events")
    Map<String, Object> usageEvents(
            @PathVariable String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String deployment,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        scopes.require(key);
        if (limit < 1 || limit > StoredEvents.MAX_PAGE) {
            throw ApiProblem.badRequest("limit must be between 1 and " + StoredEvents.MAX_PAGE + ", was " + limit);
        }
        Optional<EventCursor> cursor = EventCursor.parse(after);
        if (after != null && !after.isBlank() && cursor.isEmpty()) {
            throw ApiProblem.badRequest("after must be the 'next' of a previous page, was '" + after + "'");
        }
        EventFilter filter =
                EventFilter.ofDays(key, day("from", from), day("to", to), calendar.today(), deployment, model, user);
        EventPage page = events.page(filter, cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", key);
        body.put("from", filter.from());
        body.put("to", filter.to());
        body.put(
                "items",
                page.events().stream().map(TenantsController::eventJson).toList());
        body.put("next", page.next().map(EventCursor::token).orElse(null));
        return body;
    }

    private static Map<String, Object> eventJson(StoredEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.eventId());
        json.put("time", event.eventTime());
        json.put("day", event.usageDay());
        json.put("deployment", event.deployment());
        json.put("model", event.model());
        json.put("user", event.user());
        json.put("subscription", event.subscription());
        json.put("requests", event.requests());
        json.put("promptTokens", event.promptTokens());
        json.put("cachedPromptTokens", event.cachedPromptTokens());
        json.put("completionTokens", event.completionTokens());
        json.put("reasoningTokens", event.reasoningTokens());
        json.put("cost", event.cost() == null ? null : Amounts.exact(event.cost()));
        json.put("statusCode", event.statusCode());
        return json;
    }

    /** The day in {@code value}, null when it is blank. */
    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest(parameter + " must be a day as YYYY-MM-DD, was '" + value + "'");
        }
    }

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
                .map(TenantsController::budgetJson)
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

    private Map<String, Object> tenantJson(Tenant tenant, Budget budget, BigDecimal spend) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", tenant.key());
        json.put("name", tenant.name());
        json.put("costCenter", tenant.costCenter());
        json.put("ownerEmail", tenant.ownerEmail());
        if (spend != null) {
            json.put("spendPeriod", calendar.currentPeriod().toString());
            json.put("spend", Amounts.exact(spend));
            json.put("budget", budget == null ? null : budgetJson(budget));
        }
        return json;
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
