package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.ReportingProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts a message with Apache HttpClient, whose name resolution is {@link ReceiverAddresses}: every attempt resolves
 * the receiver's name again, refuses internal addresses (unless allowed) and connects to an address it checked.
 * Redirects are not followed (a webhook URL that redirects is a misconfiguration, and following it could send alerts
 * elsewhere), connections are not kept for the next attempt, and an attempt is cut off when {@code timeout} has
 * passed, however slowly the receiver answers.
 *
 * <p>What a failure says is the receiver's status code, never what it wrote back (the body of an internal page could
 * be anything), and one text for every attempt that got no answer at all, so that a channel's test message cannot
 * tell an open port from a closed one. The cause goes to the log, for operators.
 */
@Component
class AlertSender implements AutoCloseable {

    /** Every failure without an HTTP answer: refused, reset, timed out, TLS failed, unknown name. */
    static final String NO_ANSWER = "no answer from the receiver (it could not be reached, or did not answer in time)";

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final CloseableHttpClient client;
    private final ReceiverAddresses addresses;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alert-deadline").daemon().factory());

    @Autowired
    AlertSender(ReportingProperties properties) {
        this(properties.reporting().alerts().delivery().timeout(), new ReceiverAddresses(properties.alerts()));
    }

    AlertSender(Duration timeout, ReceiverAddresses addresses) {
        this.timeout = timeout;
        this.addresses = addresses;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(addresses)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("TokenLedger")
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

        private static String truncate(String text) {
            return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
        }
    }

    Outcome post(Outgoing message) {
        String host = message.url().getHost();
        if (host == null) {
            return Outcome.failed("url must name a host", false);
        }
        Optional<String> refused = addresses.literalProblem(host);
        if (refused.isPresent()) {
            return Outcome.failed(refused.get(), false);
        }
        HttpPost request = new HttpPost(message.url());
        request.setHeader("Content-Type", "application/json; charset=utf-8");
        message.headers().forEach(request::setHeader);
        request.setEntity(
                new StringEntity(message.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            Outcome outcome = answered(response, since(started));
            // the connection is dropped rather than drained: nothing the receiver wrote back is read
            request.cancel();
            closeQuietly(response);
            return outcome;
        } catch (IOException e) {
            Optional<ReceiverAddresses.RefusedHostException> refusal = refusal(e);
            if (refusal.isPresent()) {
                return new Outcome(false, null, refusal.get().getMessage(), false, null, since(started));
            }
            log.info("Alert receiver {} gave no answer: {}", host, e.toString());
            return new Outcome(false, null, NO_ANSWER, true, null, since(started));
        } finally {
            deadline.cancel(false);
        }
    }

    /** The receiver's answer: its status code and Retry-After, nothing else. */
    private static Outcome answered(ClassicHttpResponse response, long millis) {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return new Outcome(true, status, null, false, null, millis);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new Outcome(false, status, "HTTP " + status, retryable, retryAfter(response), millis);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection was dropped on purpose
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    private static Optional<ReceiverAddresses.RefusedHostException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReceiverAddresses.RefusedHostException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    private static long since(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        try {
            return header == null
                    ? null
                    : Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the regular backoff is good enough
        }
    }
}
