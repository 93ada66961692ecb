package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sender against a local receiver and a stand-in for DNS: it connects to the address it checked (a name that only
 * the stand-in knows still arrives, with its name as Host), resolves again on every attempt (a name rebound to an
 * internal address is refused) and reaches loopback only when the setting allows it.
 */
class AlertSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void theConnectionGoesToTheCheckedAddressAndKeepsTheName() throws UnknownHostException {
        FakeReceiver receiver = receiver();
        Deque<String> lookups = new ConcurrentLinkedDeque<>();
        AlertSender sender = sender(List.of("127.0.0.1"), host -> {
            lookups.add(host);
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        });

        AlertSender.Outcome outcome = sender.post(message("http://hooks.example.test:" + receiver.port() + "/x"));

        assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
        assertThat(lookups).containsExactly("hooks.example.test");
        assertThat(receiver.received())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.header("Host")).isEqualTo("hooks.example.test:" + receiver.port()));
    }

    @Test
    void everyAttemptResolvesAgainAndANameReboundToAnInternalAddressIsRefused() {
        FakeReceiver receiver = receiver();
        Deque<String> answers = new ConcurrentLinkedDeque<>(List.of("127.0.0.1", "10.0.0.7"));
        AlertSender sender =
                sender(List.of("127.0.0.1"), host -> new InetAddress[] {InetAddress.getByName(answers.removeFirst())});
        AlertSender.Outgoing message = message("http://rebinding.example.test:" + receiver.port() + "/x");

        AlertSender.Outcome first = sender.post(message);
        AlertSender.Outcome second = sender.post(message);

        assertThat(first.delivered()).as(first.toString()).isTrue();
        assertThat(second.delivered()).isFalse();
        assertThat(second.retryable()).isFalse();
        assertThat(second.status()).isNull();
        assertThat(second.error())
                .startsWith("refused: rebinding.example.test is or resolves to an internal address")
                .contains("tokenledger.alerts.allowed-internal-hosts");
        assertThat(answers).as("both attempts looked the name up").isEmpty();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void loopbackIsReachedOnlyWhenTheSettingNamesIt() {
        FakeReceiver receiver = receiver();
        AlertSender closed = sender(List.of(), InetAddress::getAllByName);
        AlertSender byName = sender(List.of("localhost"), InetAddress::getAllByName);

        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]")) {
            AlertSender.Outcome outcome = closed.post(message("http://" + host + ":" + receiver.port() + "/x"));
            assertThat(outcome.delivered()).as(host).isFalse();
            assertThat(outcome.error()).as(host).contains("internal address");
        }
        assertThat(receiver.received()).as("nothing reached the receiver").isEmpty();

        assertThat(byName.post(message("http://localhost:" + receiver.port() + "/x"))
                        .delivered())
                .isTrue();
        assertThat(byName.post(message("http://127.0.0.1:" + receiver.port() + "/x"))
                        .delivered())
                .as("the address itself is not the name")
                .isFalse();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiversAnswerIsItsStatusCodeAndNothingItWrote() {
        FakeReceiver receiver = receiver(503);
        AlertSender sender = sender(List.of("127.0.0.1"), InetAddress::getAllByName);

        AlertSender.Outcome outcome = sender.post(message(receiver.url("/x")));

        assertThat(outcome.status()).isEqualTo(503);
        assertThat(outcome.error()).isEqualTo("HTTP 503");
        assertThat(outcome.retryable()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReceiverThatAnswersByTheDropIsCutOffAfterTheTimeout() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        open.add(server);
        Thread.ofVirtual().start(() -> dripForever(server));
        AlertSender sender = new AlertSender(
                Duration.ofSeconds(1), new ReceiverAddresses(List.of("127.0.0.1"), InetAddress::getAllByName));
        open.add(sender);

        AlertSender.Outcome outcome = sender.post(message("http://127.0.0.1:" + server.getLocalPort() + "/x"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo(AlertSender.NO_ANSWER);
        assertThat(outcome.retryable()).isTrue();
    }

    private FakeReceiver receiver(Integer... statuses) {
        FakeReceiver receiver = FakeReceiver.answering(statuses);
        open.add(receiver);
        return receiver;
    }

    private AlertSender sender(List<String> allowed, ReceiverAddresses.Lookup lookup) {
        AlertSender sender = new AlertSender(TIMEOUT, new ReceiverAddresses(allowed, lookup));
        open.add(sender);
        return sender;
    }

    private static AlertSender.Outgoing message(String url) {
        return new AlertSender.Outgoing(URI.create(url), "{\"type\":\"test\"}", Map.of());
    }

    /** A status line, then one header byte every 100 ms, never done: only a deadline ends the wait. */
    private static void dripForever(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                while (true) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    continue; // the client hung up: wait for the next one
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
