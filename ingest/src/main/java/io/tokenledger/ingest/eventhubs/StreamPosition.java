package io.tokenledger.ingest.eventhubs;

import java.time.Instant;

/**
 * Where an event sits in its partition.
 *
 * @param offset the service's offset string (opaque; geo-replicated namespaces use non-numeric ones); may be null
 * @param enqueuedTime when Event Hubs accepted the event; may be null
 */
record StreamPosition(long sequenceNumber, String offset, Instant enqueuedTime) {}
