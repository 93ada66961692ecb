/**
 * Provisioned (PTU) capacity in the ledger: {@link io.tokenledger.reporting.provisioned.ProvisionedCapacity}
 * publishes commitments where no closed period changes and allocates each period's fixed cost to tenants;
 * {@code ProvisionedCharges} puts the allocations on chargeback statements.
 */
@NamedInterface("provisioned")
package io.tokenledger.reporting.provisioned;

import org.springframework.modulith.NamedInterface;
