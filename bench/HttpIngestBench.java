import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Posts synthetic canonical usage events to a running TokenLedger as NDJSON batches and reports the ingest rate
 * over HTTP (parse, validate, dedupe, price, events and rollups in one transaction per request).
 *
 * <p>Usage: java bench/HttpIngestBench.java BASE_URL USER PASSWORD EVENTS BATCH_SIZE CONCURRENCY [IDS], where USER may be
 * {@code bearer} and PASSWORD an ingest key. IDS {@code guid} (the default) gives every event a GUID, as APIM's
 * {@code context.RequestId}; {@code sequential} gives {@code bench-RUN-I} (decision 0013).
 */
public class HttpIngestBench {

    private static final String[] DEPLOYMENTS = {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "text-embedding-3-large"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = args[1].equals("bearer")
                ? "Bearer " + args[2]
                : "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int events = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        String ids = args.length > 6 ? args[6] : "guid";
        if (!ids.equals("guid") && !ids.equals("sequential")) {
            throw new IllegalArgumentException("IDS: guid or sequential, not " + ids);
        }
        boolean requestIds = ids.equals("guid");
        String run = Long.toString(System.currentTimeMillis(), 36);

        List<String> bodies = new ArrayList<>();
        Random random = new Random(42);
        Instant start = Instant.now().minus(Duration.ofDays(20));
        for (int first = 0; first < events; first += batchSize) {
            StringBuilder body = new StringBuilder(batchSize * 300);
            for (int i = first; i < Math.min(events, first + batchSize); i++) {
                body.append(event(id(run, i, requestIds), i, random, start)).append('\n');
            }
            bodies.add(body.toString());
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long began = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        for (String body : bodies) {
            answers.add(pool.submit(() -> {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/usage-events"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return response.body();
            }));
        }
        long accepted = 0;
        for (Future<String> answer : answers) {
            String body = answer.get();
            accepted += Long.parseLong(body.replaceAll(".*\"accepted\":(\\d+).*", "$1"));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        System.out.printf(
                "http ingest: %d events (%d accepted) in batches of %d, %d concurrent requests, %s ids: %.2f s, %.0f events/s%n",
                events, accepted, batchSize, concurrency, ids, seconds, events / seconds);
    }

    /** Event {@code i}'s id: a GUID drawn from the run and {@code i} (random to the key, repeatable), or counted. */
    private static String id(String run, int i, boolean requestIds) {
        String counted = "bench-" + run + "-" + i;
        return requestIds ? UUID.nameUUIDFromBytes(counted.getBytes(StandardCharsets.UTF_8)).toString() : counted;
    }

    private static String event(String id, int i, Random random, Instant start) {
        int tenant = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * 500);
        String deployment = DEPLOYMENTS[(int) Math.floor(Math.pow(random.nextDouble(), 1.8) * DEPLOYMENTS.length)];
        long prompt = 50 + random.nextInt(4000);
        long cached = random.nextInt(3) == 0 ? prompt / 2 : 0;
        long completion = random.nextInt(1500);
        long reasoning = deployment.startsWith("o3") ? completion / 2 : 0;
        Instant time = start.plusMillis((long) i * 17);
        return "{\"id\":\"" + id + "\",\"time\":\"" + time + "\",\"subscriptionName\":\"tenant-"
                + tenant + "\",\"deployment\":\"" + deployment + "\",\"model\":\"" + deployment
                + "-2024\",\"userId\":\"user" + random.nextInt(50) + "\",\"promptTokens\":" + prompt
                + ",\"cachedPromptTokens\":" + cached + ",\"completionTokens\":" + completion
                + ",\"reasoningTokens\":" + reasoning + ",\"statusCode\":200}";
    }
}
