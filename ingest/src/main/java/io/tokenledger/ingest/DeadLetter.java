package io.tokenledger.ingest;

import java.time.Instant;

/**
 * Input that was rejected, kept with its raw payload and the reason.
 *
 * @param index the record's position in its batch; null when the payload as a whole was rejected
 * @param replayedAt when a replay finally accepted it; null while it waits for a fix
 * @param partition the Event Hubs partition the message came from; null for other sources
 * @param sequenceNumber the message's sequence number in that partition; null for other sources
 */
public record DeadLetter(
        long id,
        String source,
        Instant receivedAt,
        Integer index,
        String eventId,
        String field,
        String reason,
        String rawPayload,
        Instant replayedAt,
        String partition,
        Long sequenceNumber) {}
