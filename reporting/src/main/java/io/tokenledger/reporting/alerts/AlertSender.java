package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.ReportingProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts a message with the JDK's HTTP client: redirects are not followed (a webhook URL that redirects is a
 * misconfiguration, and following it could send alerts elsewhere), every attempt is bounded by the timeout.
 */
@Component
class AlertSender {

    private static final int MAX_ERROR_LENGTH = 500;

    private final HttpClient client;
    private final Duration timeout;

    @Autowired
    AlertSender(ReportingProperties properties) {
        this(properties.reporting().alerts().delivery().timeout());
    }

    AlertSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A message ready to post. */
    record Outgoing(URI url, String body, Map<String, String> headers) {}

    /**
     * What an attempt came to: delivered (2xx), or failed with the status (null when no answer came) and an error;
     * {@code retryable} for answers that may change (timeouts, 408, 429, 5xx), with the receiver's Retry-After.
     */
    record Outcome(
            boolean delivered,
            Integer status,
            String error,
            boolean retryable,
            Duration retryAfter,
            long durationMillis) {

        static Outcome failed(String error, boolean retryable) {
            return new Outcome(false, null, truncate(error), retryable, null, 0);
        }
    }

    Outcome post(Outgoing message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(message.url())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "TokenLedger")
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        message.headers().forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null, false, null, millis);
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            String error = "HTTP " + status
                    + (response.body().isBlank() ? "" : ": " + response.body().strip());
            return new Outcome(false, status, truncate(error), retryable, retryAfter(response), millis);
        } catch (IOException e) {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(false, null, truncate(error), true, null, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while sending", true);
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the regular backoff is good enough
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
