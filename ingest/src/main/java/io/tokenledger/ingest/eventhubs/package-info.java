/**
 * Event Hubs ingestion: an {@code EventProcessorClient} (batch mode) whose batches go through the ingest pipeline
 * with their checkpoint in the same PostgreSQL transaction, a PostgreSQL {@code CheckpointStore} over which the
 * SDK balances partitions between instances, and the ingestion status.
 *
 * <p>Public face: {@link io.tokenledger.ingest.eventhubs.IngestStatus} and its
 * {@link io.tokenledger.ingest.eventhubs.IngestStatusReport}. Owns the {@code eventhubs_*} tables. See
 * {@code docs/eventhubs.md}.
 */
@NamedInterface("eventhubs")
package io.tokenledger.ingest.eventhubs;

import org.springframework.modulith.NamedInterface;
