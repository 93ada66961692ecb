package io.tokenledger.reporting.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Slack or a webhook receiver on 127.0.0.1: answers each POST with the next scripted status (then
 * 200 once the script is used up) and remembers every request with the status it got.
 */
final class FakeReceiver implements AutoCloseable {

    /** A request as the receiver saw it, and what it answered. */
    record Received(String body, Map<String, List<String>> headers, int answered) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeReceiver(HttpServer server) {
        this.server = server;
    }

    /** Answers the first requests with {@code statuses}, in order, and 200 afterwards. */
    static FakeReceiver answering(Integer... statuses) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeReceiver receiver = new FakeReceiver(server);
            receiver.script.addAll(List.of(statuses));
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = receiver.next();
                receiver.received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders()), status));
                byte[] answer = (status == 200 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized int next() {
        Integer status = script.poll();
        return status == null ? 200 : status;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(request -> request.answered() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
