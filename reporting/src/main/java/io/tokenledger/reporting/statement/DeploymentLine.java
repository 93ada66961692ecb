package io.tokenledger.reporting.statement;

import java.math.BigDecimal;

/**
 * Usage of one tenant on one deployment and model in the period.
 *
 * @param model as the backend reported it; null when it did not
 * @param cost {@code exactCost} rounded so that a tenant's lines add up to its summary cost less its other charges
 */
public record DeploymentLine(
        String tenantKey, String deployment, String model, Usage usage, BigDecimal exactCost, BigDecimal cost) {}
