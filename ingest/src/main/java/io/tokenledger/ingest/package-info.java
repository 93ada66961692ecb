/**
 * Ingest: every source's records become canonical {@link io.tokenledger.ingest.format.UsageEvent}s and go through one
 * pipeline, normalize → validate → dedupe → resolve tenant → price → write events and daily rollups, in one
 * transaction.
 *
 * <p>Public face: {@link io.tokenledger.ingest.IngestPipeline} (the pipeline every source calls),
 * {@link io.tokenledger.ingest.format.UsagePayloadParser} (bodies in every accepted format, read into
 * {@link io.tokenledger.ingest.format.ParsedRecord}s of the canonical event; {@code format} depends on nothing else
 * of this module, so dependencies between the two packages go one way),
 * {@link io.tokenledger.ingest.DeadLetters} (rejected input, kept and replayable),
 * {@link io.tokenledger.ingest.Tenants} and {@link io.tokenledger.ingest.TenantMappingRules} (who is charged, and the
 * re-attribution a rule change causes), {@link io.tokenledger.ingest.LedgerLocks} (what orders writers, rule changes
 * and period closes), {@link io.tokenledger.ingest.LedgerChanged} (announced when spend changed) and their records;
 * the named interfaces {@code format}, {@code browse}, {@code eventhubs} and {@code appinsights}. ARCHITECTURE.md lists
 * the whole face and the tables this module owns and reads; the build holds other modules to both.
 */
package io.tokenledger.ingest;
