/**
 * Provisioned (PTU) capacity: effective-dated commitments per deployment ({@link
 * io.tokenledger.pricing.provisioned.ProvisionedCommitments}) and the rule that shares a period's fixed cost among
 * tenants ({@link io.tokenledger.pricing.provisioned.CapacityAllocation}, rounded by {@link
 * io.tokenledger.pricing.provisioned.LargestRemainder} so that the shares add up to the commitment exactly).
 */
@NamedInterface("provisioned")
package io.tokenledger.pricing.provisioned;

import org.springframework.modulith.NamedInterface;
