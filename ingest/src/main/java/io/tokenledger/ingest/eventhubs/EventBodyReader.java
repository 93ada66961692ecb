package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import com.azure.messaging.eventhubs.models.LastEnqueuedEventProperties;
import io.tokenledger.ingest.NewDeadLetter;
import io.tokenledger.ingest.format.FallbackIds;
import io.tokenledger.ingest.format.FieldError;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.PayloadException;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a batch of Event Hubs messages into usage records and dead letters. A body may hold any format of EVENTS.md;
 * its content type is used when the sender set a supported one (APIM's {@code log-to-eventhub} sets none). A record
 * without an id gets one from its position: {@code eventhubs:<namespace>/<hub>/<partition>/<sequence number>}, with
 * {@code /<record index>} when the body holds several records, so a re-read message gets the same ids.
 */
final class EventBodyReader {

    static final String SOURCE = "eventhubs";

    private final UsagePayloadParser parser;

    EventBodyReader(UsagePayloadParser parser) {
        this.parser = parser;
    }

    PartitionBatch read(EventBatchContext context) {
        PartitionKey partition = PartitionKey.of(context.getPartitionContext());
        List<ParsedRecord> records = new ArrayList<>();
        List<NewDeadLetter> rejected = new ArrayList<>();
        StreamPosition last = null;
        for (EventData event : context.getEvents()) {
            StreamPosition position = positionOf(event, partition);
            read(partition, event, position, records, rejected);
            last = position;
        }
        return new PartitionBatch(
                partition,
                records,
                rejected,
                context.getEvents().size(),
                last,
                newest(context.getLastEnqueuedEventProperties()));
    }

    private void read(
            PartitionKey partition,
            EventData event,
            StreamPosition position,
            List<ParsedRecord> records,
            List<NewDeadLetter> rejected) {
        byte[] body = event.getBody();
        List<ParsedRecord> parsed;
        try {
            parsed = parse(body, event.getContentType(), fallbackIds(partition, position.sequenceNumber()));
        } catch (PayloadException e) {
            rejected.add(deadLetter(partition, position, null, null, "", e.getMessage(), text(body)));
            return;
        }
        for (ParsedRecord record : parsed) {
            switch (record) {
                case ParsedRecord.Valid valid -> records.add(valid);
                case ParsedRecord.Invalid invalid ->
                    rejected.add(deadLetter(
                            partition,
                            position,
                            invalid.index(),
                            invalid.eventId(),
                            fields(invalid),
                            reason(invalid),
                            invalid.raw()));
            }
        }
    }

    /**
     * The sender's content type when it is one the parser knows; otherwise the body is read as JSON, and a body of
     * several lines that is not one JSON text is read line by line (NDJSON), so a bad line spoils only itself.
     */
    private List<ParsedRecord> parse(byte[] body, String contentType, FallbackIds ids) {
        if (contentType != null && !contentType.isBlank()) {
            try {
                return parser.parse(body, contentType, ids);
            } catch (PayloadException e) {
                if (e.kind() != PayloadException.Kind.UNSUPPORTED_MEDIA_TYPE) {
                    throw e;
                }
            }
        }
        try {
            return parser.parse(body, null, ids);
        } catch (PayloadException e) {
            if (e.kind() == PayloadException.Kind.MALFORMED && hasSeveralLines(body)) {
                return parser.parse(body, "application/x-ndjson", ids);
            }
            throw e;
        }
    }

    static FallbackIds fallbackIds(PartitionKey partition, long sequenceNumber) {
        String id = SOURCE + ":" + partition.stream() + "/" + partition.partition() + "/" + sequenceNumber;
        return (index, records) -> records == 1 ? id : id + "/" + index;
    }

    private static StreamPosition positionOf(EventData event, PartitionKey partition) {
        Long sequenceNumber = event.getSequenceNumber();
        if (sequenceNumber == null) {
            // only an event built for sending lacks one; a received event always has it
            throw new IllegalArgumentException("an event of partition " + partition.partition()
                    + " has no sequence number; only events received from Event Hubs can be ingested");
        }
        return new StreamPosition(sequenceNumber, event.getOffsetString(), event.getEnqueuedTime());
    }

    private static PartitionBatch.Newest newest(LastEnqueuedEventProperties properties) {
        if (properties == null || properties.getSequenceNumber() == null) {
            return null;
        }
        return new PartitionBatch.Newest(
                properties.getSequenceNumber(), properties.getEnqueuedTime(), properties.getRetrievalTime());
    }

    private static NewDeadLetter deadLetter(
            PartitionKey partition,
            StreamPosition position,
            Integer index,
            String eventId,
            String field,
            String reason,
            String raw) {
        return new NewDeadLetter(
                SOURCE,
                index,
                eventId,
                field,
                "partition " + partition.partition() + ", sequence number " + position.sequenceNumber() + ": " + reason,
                raw,
                partition.stream(),
                partition.partition(),
                position.sequenceNumber());
    }

    private static String fields(ParsedRecord.Invalid invalid) {
        return invalid.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(","));
    }

    private static String reason(ParsedRecord.Invalid invalid) {
        return invalid.errors().stream()
                .map(error -> error.field().isEmpty() ? error.reason() : error.field() + ": " + error.reason())
                .collect(Collectors.joining("; "));
    }

    private static boolean hasSeveralLines(byte[] body) {
        return text(body).strip().indexOf('\n') >= 0;
    }

    /** The body as text for a dead letter, whatever it holds (invalid UTF-8 becomes U+FFFD). */
    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
