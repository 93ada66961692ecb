package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.EventData;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.message.Message;

/**
 * Events as the processor hands them over: an AMQP message with the annotations Event Hubs puts on every delivery
 * (sequence number, offset, enqueued time), turned into {@link EventData} by the SDK's own receive-path
 * deserializer. The SDK keeps that deserializer package-private (a received event has no public constructor), so
 * it is reached reflectively; the resulting object is exactly what the SDK passes to the batch callback.
 */
final class ReceivedEvents {

    private static final Object SERIALIZER;
    private static final Method DESERIALIZE;

    static {
        try {
            Class<?> type = Class.forName("com.azure.messaging.eventhubs.EventHubMessageSerializer");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            SERIALIZER = constructor.newInstance();
            DESERIALIZE = type.getMethod("deserialize", Message.class, Class.class);
            DESERIALIZE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ReceivedEvents() {}

    /** A received event with a UTF-8 body and no content type, as APIM's {@code log-to-eventhub} sends it. */
    static EventData received(long sequenceNumber, String body) {
        return received(sequenceNumber, body.getBytes(StandardCharsets.UTF_8), null);
    }

    static EventData received(long sequenceNumber, byte[] body, String contentType) {
        return received(
                sequenceNumber,
                body,
                contentType,
                Instant.parse("2026-11-03T10:00:00Z").plusSeconds(sequenceNumber));
    }

    static EventData received(long sequenceNumber, byte[] body, String contentType, Instant enqueuedTime) {
        Message message = Message.Factory.create();
        message.setBody(new Data(new Binary(body)));
        if (contentType != null) {
            message.setContentType(contentType);
        }
        Map<Symbol, Object> annotations = new HashMap<>();
        annotations.put(Symbol.getSymbol("x-opt-sequence-number"), sequenceNumber);
        annotations.put(Symbol.getSymbol("x-opt-offset"), String.valueOf(sequenceNumber * 1024));
        annotations.put(Symbol.getSymbol("x-opt-enqueued-time"), Date.from(enqueuedTime));
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        try {
            return (EventData) DESERIALIZE.invoke(SERIALIZER, message, EventData.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The SDK's deserializer refused the message", e);
        }
    }
}
