/**
 * Ingest: every source's records become canonical {@link io.tokenledger.ingest.UsageEvent}s and go through one
 * pipeline, normalize → validate → dedupe → resolve tenant → price → write events and daily rollups, in one
 * transaction.
 *
 * <p>Public face: {@link io.tokenledger.ingest.IngestPipeline} (the pipeline every source calls),
 * {@link io.tokenledger.ingest.format.UsagePayloadParser} (bodies in every accepted format),
 * {@link io.tokenledger.ingest.DeadLetters} (rejected input, kept and replayable) and their records. This module
 * owns the {@code usage_event}, {@code usage_daily}, {@code tenant} rows it creates and {@code dead_letter}.
 */
package io.tokenledger.ingest;
