package io.tokenledger.reporting.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so that a receiver can tell them from forgeries and replays:
 * {@code X-TokenLedger-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the channel's secret>} and
 * {@code X-TokenLedger-Timestamp: <Unix seconds>} (docs/alerts.md shows how to verify).
 */
final class WebhookSignature {

    static final String SIGNATURE = "X-TokenLedger-Signature";
    static final String TIMESTAMP = "X-TokenLedger-Timestamp";
    static final String DELIVERY = "X-TokenLedger-Delivery";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new channel secret: 32 random bytes, hex, with a recognizable prefix. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "tlwh_" + HexFormat.of().formatHex(bytes);
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    static Map<String, String> headers(String secret, long timestamp, String body, long deliveryId) {
        return Map.of(
                TIMESTAMP,
                Long.toString(timestamp),
                SIGNATURE,
                sign(secret, timestamp, body),
                DELIVERY,
                Long.toString(deliveryId));
    }
}
