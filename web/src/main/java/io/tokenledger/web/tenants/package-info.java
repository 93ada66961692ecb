/**
 * Tenants and what belongs to one: {@code /api/v1/tenants}, {@code /api/v1/tenant-mappings} (mapping rules; a change
 * re-attributes open periods' usage), budgets ({@code /api/v1/tenants/{key}/budget},
 * {@code /api/v1/cost-centers/{name}/budget}, {@code /api/v1/budgets}), a tenant's usage events
 * ({@code /api/v1/tenants/{key}/usage-events}); the {@code /tenants} page (spend, budget burn, the tenant form, mapping
 * rules), a tenant's page {@code /tenants/{key}} (details, budget, spend, alerts), its events
 * {@code /tenants/{key}/events} and its users {@code /tenants/{key}/users}, and the budget forms of the tenant and
 * alerts pages.
 */
package io.tokenledger.web.tenants;
