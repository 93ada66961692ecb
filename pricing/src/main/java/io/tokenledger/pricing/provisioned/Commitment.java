package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One immutable version of a deployment's provisioned (PTU) commitment, in force from {@code effectiveFrom}
 * (midnight in the business zone) until the deployment's next version.
 *
 * @param amount per hour or per month (see {@link Billing}), exact, in {@code currency}
 * @param ownerTenant the owning tenant; required for {@link AllocationRule#OWNER} and {@link IdleAssignee#OWNER}
 * @param capacityTokensPerHour the utilisation basis: tokens per hour the commitment is sized for; null when none is
 *     stated, then only periods without any usage are idle
 * @param rateCardId the zero-price deployment rate card published with this version; null for {@link Billing#ENDED}
 */
public record Commitment(
        long id,
        String deployment,
        LocalDate effectiveFrom,
        Billing billing,
        BigDecimal amount,
        String currency,
        AllocationRule rule,
        String ownerTenant,
        IdleAssignee idleTo,
        Long capacityTokensPerHour,
        Long rateCardId,
        String reason,
        Instant createdAt,
        String createdBy) {}
