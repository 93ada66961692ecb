package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature receivers verify; the vector is the one docs/alerts.md shows. */
class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
        String signature = WebhookSignature.sign("tlwh_example-secret", 1795689600L, "{\"type\":\"test\"}");

        assertThat(signature).isEqualTo("sha256=" + DocsVector.SIGNATURE);
    }

    @Test
    void everySecretIsNewAndLongEnough() {
        String one = WebhookSignature.newSecret();

        assertThat(one).startsWith("tlwh_").hasSize(5 + 64).isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void theHeadersNameTimestampSignatureAndDelivery() {
        var headers = WebhookSignature.headers("s", 42L, "{}", 7L);

        assertThat(headers)
                .containsEntry("X-TokenLedger-Timestamp", "42")
                .containsEntry("X-TokenLedger-Delivery", "7")
                .containsEntry("X-TokenLedger-Signature", WebhookSignature.sign("s", 42L, "{}"));
    }

    /** Computed independently (openssl dgst -sha256 -hmac), and printed in docs/alerts.md. */
    private static final class DocsVector {
        static final String SIGNATURE = "744f93c10468fd1678da5f21af3e7bb3d4a98f095e71518fa72dd3897319ecce";
    }
}
