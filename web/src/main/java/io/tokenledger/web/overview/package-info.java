/**
 * The overview at {@code /}, the first page after sign-in: month-to-date cost and forecast against budgets, spend per
 * day stacked by tenant, the top tenants, deployments and models, and what needs action (unpriced and unassigned
 * usage, dead letters, a source gone quiet), all for the tenants the viewer may see.
 */
package io.tokenledger.web.overview;
