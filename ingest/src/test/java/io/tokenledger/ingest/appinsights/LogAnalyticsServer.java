package io.tokenledger.ingest.appinsights;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Log Analytics query API on 127.0.0.1 over HTTPS: it answers the SDK's {@code POST …/query}
 * with scripted replies (the API's JSON: {@code tables}/{@code columns}/{@code rows}, errors) and records every
 * request, so tests can look at the KQL the real client sent.
 */
final class LogAnalyticsServer implements AutoCloseable {

    static final String TOKEN = "test-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INGEST_FROM = Pattern.compile("let ingestFrom = datetime\\(([^)]+)\\);");

    private final HttpsServer server;
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Function<Request, Reply> otherwise = request -> QueryAnswer.empty().reply();

    private LogAnalyticsServer(HttpsServer server) {
        this.server = server;
    }

    static LogAnalyticsServer start() throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.get().server()));
        server.setExecutor(Executors.newFixedThreadPool(2));
        LogAnalyticsServer fake = new LogAnalyticsServer(server);
        server.createContext("/", fake::handle);
        server.start();
        return fake;
    }

    /** What the SDK is pointed at ({@code tokenledger.ingest.appinsights.endpoint}). */
    String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A fixed bearer token, and the JDK client trusting the test certificate. */
    static LogsTransport transport(AppInsights settings) {
        TokenCredential credential =
                request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        return new LogsTransport(
                credential,
                LogsClients.jdkClient(
                        settings,
                        java.net.http.HttpClient.newBuilder()
                                .sslContext(SelfSignedTls.get().client())));
    }

    /** Answers every request not scripted with {@code reply}. */
    synchronized LogAnalyticsServer answer(Function<Request, Reply> reply) {
        this.otherwise = reply;
        return this;
    }

    synchronized LogAnalyticsServer answerAlways(Reply reply) {
        return answer(request -> reply);
    }

    /** The next requests get these replies, in order; then {@link #answer} takes over again. */
    synchronized LogAnalyticsServer thenReply(Reply... replies) {
        scripted.addAll(List.of(replies));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void forgetRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
        Reply reply;
        synchronized (this) {
            requests.add(request);
            reply = scripted.isEmpty() ? otherwise.apply(request) : scripted.poll();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** One request as received. */
    record Request(String method, String path, String authorization, String body) {

        /** The KQL of the request body ({@code {"query": …, "timespan": …}}). */
        String kql() {
            return JSON.readTree(body).get("query").asString();
        }

        String timespan() {
            var timespan = JSON.readTree(body).get("timespan");
            return timespan == null ? null : timespan.asString();
        }

        /** The start of the ingestion window the query reads. */
        Instant ingestFrom() {
            Matcher matcher = INGEST_FROM.matcher(kql());
            if (!matcher.find()) {
                throw new AssertionError("no ingestFrom in " + kql());
            }
            return Instant.parse(matcher.group(1));
        }
    }

    /** A scripted HTTP answer. */
    record Reply(int status, String body, Map<String, String> headers) {

        static Reply throttled() {
            return new Reply(
                    429,
                    "{\"error\":{\"code\":\"ThrottledError\",\"message\":\"Your request was throttled; retry later.\"}}",
                    Map.of());
        }
    }
}
