package io.tokenledger.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ingest keys: shown once, stored hashed, only good for posting usage, revocable. */
@TokenLedgerServerTest
class IngestKeysApiIT {

    private static final String EVENT = """
            {"id":"%s","time":"2026-11-03T10:00:00Z","tenant":"acme","deployment":"gpt-4o","promptTokens":10}
            """;

    @LocalServerPort
    int port;

    private Api admin;

    @BeforeEach
    void clean() {
        LedgerData.clear();
        admin = Api.asAdmin(port);
    }

    @Test
    void machineWithAKeyPostsUsageButCannotReadTheLedger() {
        String key = create("apim-prod");
        Api machine = Api.withBearer(port, key);

        Reply posted = machine.post("/api/v1/usage-events", Api.JSON, EVENT.formatted("k1"));
        Reply ledger = machine.get("/api/v1/ledger");

        assertThat(posted.status()).as(posted::toString).isEqualTo(200);
        assertThat(posted.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(ledger.status()).isEqualTo(403);
    }

    @Test
    void keyIsShownOnceAndListedOnlyByItsPrefix() {
        String key = create("collector");

        Reply list = admin.get("/api/v1/ingest-keys");

        assertThat(key).startsWith("tlk_").hasSizeGreaterThan(40);
        assertThat(list.body()).doesNotContain(key).contains("collector", key.substring(0, 10));
    }

    @Test
    void revokedOrUnknownKeyIsUnauthorized() {
        String key = create("old-gateway");
        assertThat(admin.delete("/api/v1/ingest-keys/old-gateway").status()).isEqualTo(204);

        Reply revoked = Api.withBearer(port, key).post("/api/v1/usage-events", Api.JSON, EVENT.formatted("k2"));
        Reply unknown =
                Api.withBearer(port, "tlk_not-a-key").post("/api/v1/usage-events", Api.JSON, EVENT.formatted("k3"));

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(revoked.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void duplicateNameIsAConflict() {
        create("twice");

        Reply again = admin.postJson("/api/v1/ingest-keys", "{\"name\":\"twice\"}");

        assertThat(again.status()).isEqualTo(409);
    }

    private String create(String name) {
        Reply reply = admin.postJson("/api/v1/ingest-keys", "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        return reply.json().path("key").asString();
    }
}
