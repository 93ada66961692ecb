/**
 * Reconciliation of the two ways APIM reports usage: Event Hubs records ({@code log-to-eventhub}, best effort) and
 * Application Insights token metrics, per tenant and business day, with the differences above a threshold flagged.
 *
 * <p>Public face: {@link io.tokenledger.reporting.reconciliation.Reconciliation} and its report records. Reads
 * through ingest's {@link io.tokenledger.ingest.appinsights.SourceComparison}.
 */
@NamedInterface("reconciliation")
package io.tokenledger.reporting.reconciliation;

import org.springframework.modulith.NamedInterface;
