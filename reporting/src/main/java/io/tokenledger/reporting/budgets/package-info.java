/**
 * Budgets per tenant or cost center (monthly amount with percentage steps, daily threshold), their status, spend
 * and month-end forecast.
 */
@NamedInterface("budgets")
package io.tokenledger.reporting.budgets;

import org.springframework.modulith.NamedInterface;
