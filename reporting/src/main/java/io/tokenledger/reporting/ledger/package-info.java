/**
 * The per-tenant ledger read from the rollups: {@link io.tokenledger.reporting.ledger.Ledgers} answers a
 * {@link io.tokenledger.reporting.ledger.LedgerQuery}, which cannot be built without a
 * {@link io.tokenledger.reporting.ledger.TenantScope}.
 */
@NamedInterface("ledger")
package io.tokenledger.reporting.ledger;

import org.springframework.modulith.NamedInterface;
