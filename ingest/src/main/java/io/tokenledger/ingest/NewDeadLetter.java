package io.tokenledger.ingest;

/**
 * A rejected record (or a whole payload, {@code index} null) about to be kept.
 *
 * @param stream for input read from a partitioned stream (Event Hubs: {@code <namespace>/<hub>}), else null
 * @param partition the stream's partition, else null
 * @param sequenceNumber the message's sequence number in its partition, else null
 */
public record NewDeadLetter(
        String source,
        Integer index,
        String eventId,
        String field,
        String reason,
        String raw,
        String stream,
        String partition,
        Long sequenceNumber) {

    /** Input that came without a position in a stream (HTTP, files). */
    public NewDeadLetter(String source, Integer index, String eventId, String field, String reason, String raw) {
        this(source, index, eventId, field, reason, raw, null, null, null);
    }
}
