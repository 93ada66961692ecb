package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to publish a commitment version (see {@link Commitment}); {@code rule} and {@code idleTo} may be null for
 * their defaults ({@link AllocationRule#USAGE_SHARE}, {@link IdleAssignee#POOL}).
 */
public record NewCommitment(
        String deployment,
        LocalDate effectiveFrom,
        Billing billing,
        BigDecimal amount,
        String currency,
        AllocationRule rule,
        String ownerTenant,
        IdleAssignee idleTo,
        Long capacityTokensPerHour,
        String reason) {

    public NewCommitment {
        rule = rule == null ? AllocationRule.USAGE_SHARE : rule;
        idleTo = idleTo == null ? IdleAssignee.POOL : idleTo;
        amount = amount == null && billing == Billing.ENDED ? BigDecimal.ZERO : amount;
    }
}
