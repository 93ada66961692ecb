package io.tokenledger.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What an alert channel can reach and what it tells: no channel for an internal address (this server allows
 * 127.0.0.1 only, through {@code tokenledger.alerts.allowed-internal-hosts}); a test message that fails alike for an
 * open and a closed port; deliveries a tenant viewer sees without the channel or the receiver's answer.
 */
@TokenLedgerServerTest
class AlertChannelReachIT {

    @LocalServerPort
    int port;

    private Api admin;

    @BeforeEach
    void noChannels() {
        admin = Api.asAdmin(port);
    }

    @Test
    void aChannelForANonPublicAddressIsRefusedWith422NamingTheUrl() {
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "https://10.0.0.1/hook",
                "https://172.16.5.4/hook",
                "https://192.168.1.10/hook",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://127.0.0.2/hook",
                "https://224.0.0.1/hook",
                "https://[::1]/hook",
                "https://[::ffff:169.254.169.254]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook")) {
            Reply reply = admin.postJson("/api/v1/alert-channels", "{\"type\":\"webhook\",\"url\":\"" + url + "\"}");

            assertThat(reply.status()).as(url + ": " + reply).isEqualTo(422);
            assertThat(reply.json().path("field").asString()).as(url).isEqualTo("url");
            assertThat(reply.json().path("detail").asString())
                    .as(url)
                    .contains("tokenledger.alerts.allowed-internal-hosts");
        }
        assertThat(admin.get("/api/v1/alert-channels").body()).doesNotContain("169.254", "10.0.0.1", "[::1]");
    }

    @Test
    void theTestMessageFailsAlikeForAnOpenAndAClosedPort() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> hangUpOnEveryone(open));
            int closed = closedPort();
            long toOpen = channel("https://127.0.0.1:" + open.getLocalPort() + "/hook");
            long toClosed = channel("https://127.0.0.1:" + closed + "/hook");

            JsonNode openResult = admin.postJson("/api/v1/alert-channels/" + toOpen + "/test", "")
                    .json();
            JsonNode closedResult = admin.postJson("/api/v1/alert-channels/" + toClosed + "/test", "")
                    .json();

            assertThat(openResult.path("delivered").asBoolean()).isFalse();
            assertThat(closedResult.path("delivered").asBoolean()).isFalse();
            assertThat(openResult.path("error").asString())
                    .as("an open and a closed port look the same")
                    .isNotBlank()
                    .isEqualTo(closedResult.path("error").asString());
            assertThat(openResult.path("status").isNull()).isTrue();
        }
    }

    @Test
    void aTenantViewerSeesWhetherAlertsWereDeliveredButNotWhereOrWhatTheReceiverSaid() {
        ScopedData.People people = ScopedData.seed(admin);
        channel("https://127.0.0.1:1/services/T000/B000/secret-part", "finops-war-room");
        // steps above what acme has spent already fire at once, now with a channel to deliver to
        Reply budget = admin.put(
                "/api/v1/tenants/" + ScopedData.OWN + "/budget", "{\"monthly\":\"0.000001\",\"steps\":[300,400]}");
        assertThat(budget.status()).as(budget::toString).isEqualTo(200);
        Api viewer = Api.withCredentials(port, people.viewer(), ScopedData.PASSWORD);

        Reply seen = viewer.get("/api/v1/alerts");
        Reply adminSees = admin.get("/api/v1/alerts?tenant=" + ScopedData.OWN);

        assertThat(seen.status()).as(seen::toString).isEqualTo(200);
        List<JsonNode> deliveries = deliveries(seen.json());
        assertThat(deliveries).as(seen::toString).isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.path("state").asString()).isIn("pending", "delivered", "failed");
            assertThat(delivery.has("channel")).isFalse();
            assertThat(delivery.has("lastError")).isFalse();
            assertThat(delivery.has("lastStatus")).isFalse();
        });
        assertThat(seen.body()).doesNotContain("127.0.0.1", "finops-war-room", "secret-part");
        assertThat(deliveries(adminSees.json()))
                .as("admins and finance see the details")
                .anySatisfy(delivery ->
                        assertThat(delivery.path("channel").asString()).isEqualTo("finops-war-room"));
        Api browser = Api.browser(port);
        DashboardLogin.signIn(browser, people.viewer(), ScopedData.PASSWORD);
        Reply page = browser.getHtml("/tenants/" + ScopedData.OWN);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        assertThat(page.body()).contains("alert").doesNotContain("127.0.0.1", "finops-war-room");
    }

    private long channel(String url) {
        return channel(url, null);
    }

    private long channel(String url, String name) {
        Reply created = admin.postJson(
                "/api/v1/alert-channels",
                "{\"type\":\"webhook\",\"url\":\"" + url + "\"" + (name == null ? "" : ",\"name\":\"" + name + "\"")
                        + "}");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static List<JsonNode> deliveries(JsonNode alerts) {
        return alerts.path("items")
                .valueStream()
                .flatMap(alert -> alert.path("deliveries").valueStream())
                .toList();
    }

    /** A port nothing listens on: bound for a moment to learn a free one, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void hangUpOnEveryone(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
