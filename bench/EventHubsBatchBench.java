package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import com.azure.messaging.eventhubs.models.LastEnqueuedEventProperties;
import com.azure.messaging.eventhubs.models.PartitionContext;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.message.Message;
import org.jooq.DSLContext;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Feeds synthetic gateway usage through the Event Hubs batch handler as the processor would: per partition, batches
 * of received {@link EventData} in sequence order, each written with its checkpoint in one transaction; partitions
 * run in parallel. Arguments: data directory, events, batch size, partitions, records per message.
 */
public final class EventHubsBatchBench {

    private static final String[] DEPLOYMENTS = {"gpt-4o-mini", "gpt-4o", "o3-mini", "text-embedding-3-large"};

    @SpringBootApplication(scanBasePackages = "io.tokenledger")
    static class BenchApplication {}

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int events = Integer.parseInt(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        int partitions = Integer.parseInt(args[3]);
        int perMessage = Integer.parseInt(args[4]);
        requestIds = switch (args[5]) {
            case "guid" -> true;
            case "sequential" -> false;
            default -> throw new IllegalArgumentException("IDS: guid or sequential, not " + args[5]);
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run("--tokenledger.db.embedded.data-dir=" + dataDir, "--logging.level.root=warn", "--logging.level.org.jooq=error")) {
            RateCards rateCards = context.getBean(RateCards.class);
            for (String deployment : DEPLOYMENTS) {
                rateCards.publish(
                        new NewRateCard(
                                deployment,
                                "USD",
                                LocalDate.parse("2020-01-01"),
                                new Prices(
                                        new BigDecimal("2.50"),
                                        new BigDecimal("1.25"),
                                        new BigDecimal("10.00"),
                                        new BigDecimal("10.00"))),
                        "bench");
            }
            EventBatchHandler handler = new EventBatchHandler(
                    new EventBodyReader(context.getBean(UsagePayloadParser.class)),
                    context.getBean(BatchWriter.class),
                    Duration.ofMinutes(1));
            PostgresCheckpointStore store = context.getBean(PostgresCheckpointStore.class);

            List<List<EventBatchContext>> work = new ArrayList<>();
            int messages = 0;
            for (int p = 0; p < partitions; p++) {
                List<EventData> partition = messages(p, events / partitions, perMessage);
                messages += partition.size();
                work.add(batches(p, partition, batchSize, store));
            }
            // a warm-up pass over a separate partition (99), so the JIT and the connection pool are ready
            for (EventBatchContext warm : batches(99, messages(99, 2000, perMessage), batchSize, store)) {
                handler.accept(warm);
            }

            ExecutorService threads = Executors.newFixedThreadPool(partitions);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (List<EventBatchContext> partition : work) {
                running.add(threads.submit(() -> partition.forEach(handler)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdown();

            DSLContext dsl = context.getBean(DSLContext.class);
            long warmUp = 2000 / perMessage * perMessage;
            int stored = dsl.fetchCount(dsl.selectFrom("usage_event")) - (int) warmUp;
            long expected = (long) (events / partitions / perMessage) * perMessage * partitions;
            System.out.printf(
                    "%,d events in %,d messages, %d partitions, batches of %d messages, %d record(s) per message, %s ids:"
                            + " %.2f s, %,.0f events/s (%,.0f messages/s); stored %,d of %,d%n",
                    expected,
                    messages,
                    partitions,
                    batchSize,
                    perMessage,
                    requestIds ? "GUID" : "sequential",
                    seconds,
                    expected / seconds,
                    messages / seconds,
                    stored,
                    expected);
            if (stored != expected) {
                throw new IllegalStateException("stored " + stored + " events, expected " + expected);
            }
        }
    }

    private static List<EventBatchContext> batches(
            int partition, List<EventData> events, int batchSize, PostgresCheckpointStore store) {
        PartitionContext context =
                new PartitionContext("bench.servicebus.windows.net", "usage", "$Default", String.valueOf(partition));
        EventData newest = events.getLast();
        LastEnqueuedEventProperties last = new LastEnqueuedEventProperties(
                newest.getSequenceNumber(), newest.getOffsetString(), newest.getEnqueuedTime(), Instant.now());
        List<EventBatchContext> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += batchSize) {
            batches.add(new EventBatchContext(
                    context, List.copyOf(events.subList(i, Math.min(events.size(), i + batchSize))), store, last));
        }
        return batches;
    }

    private static List<EventData> messages(int partition, int events, int perMessage) throws Exception {
        Random random = new Random(partition);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<EventData> messages = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + perMessage <= events; i += perMessage) {
            body.setLength(0);
            for (int r = 0; r < perMessage; r++) {
                body.append(record(random, partition, i + r, start)).append('\n');
            }
            messages.add(received(messages.size(), body.toString()));
        }
        return messages;
    }

    private static String record(Random random, int partition, int i, Instant start) {
        int tenant = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * 500);
        String deployment = DEPLOYMENTS[(int) Math.floor(Math.pow(random.nextDouble(), 1.8) * DEPLOYMENTS.length)];
        long prompt = 200 + random.nextInt(4000);
        long cached = random.nextInt(4) == 0 ? prompt / 2 : 0;
        long completion = deployment.startsWith("text-embedding") ? 0 : 50 + random.nextInt(800);
        long reasoning = deployment.startsWith("o3") ? completion / 2 : 0;
        Instant time = start.plusMillis((long) i * 17);
        return "{\"id\":\"" + id(partition, i) + "\",\"time\":\"" + time + "\",\"subscriptionName\":"
                + "\"tenant-" + tenant + "\",\"deployment\":\"" + deployment + "\",\"model\":\"" + deployment
                + "\",\"promptTokens\":" + prompt + ",\"cachedPromptTokens\":" + cached + ",\"completionTokens\":"
                + completion + ",\"reasoningTokens\":" + reasoning + ",\"streaming\":false,\"statusCode\":200}";
    }

    private static boolean requestIds;

    /** A random-looking GUID, as APIM's context.RequestId, the same on every run; or eh-bench-PARTITION-I. */
    private static String id(int partition, int i) {
        String counted = "eh-bench-" + partition + "-" + i;
        return requestIds ? UUID.nameUUIDFromBytes(counted.getBytes(StandardCharsets.UTF_8)).toString() : counted;
    }

    /** A received event, built by the SDK's receive-path deserializer from an AMQP message with Event Hubs' annotations. */
    private static EventData received(long sequenceNumber, String body) throws Exception {
        Message message = Message.Factory.create();
        message.setBody(new Data(new Binary(body.getBytes(StandardCharsets.UTF_8))));
        Map<Symbol, Object> annotations = new HashMap<>();
        annotations.put(Symbol.getSymbol("x-opt-sequence-number"), sequenceNumber);
        annotations.put(Symbol.getSymbol("x-opt-offset"), String.valueOf(sequenceNumber * 512));
        annotations.put(Symbol.getSymbol("x-opt-enqueued-time"), Date.from(Instant.now()));
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        return (EventData) DESERIALIZE.invoke(SERIALIZER, message, EventData.class);
    }

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
}
