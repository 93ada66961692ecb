package io.tokenledger.ingest.appinsights;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Duration;

/**
 * Builds the SDK's {@link LogsQueryClient} from {@code tokenledger.ingest.appinsights.*}. Throttling (429) and
 * transient service errors are retried by the SDK's own retry policy — exponential backoff that honours
 * {@code Retry-After} — with the configured number of retries and delays.
 */
final class LogsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    // the service may take up to the server timeout; the answer of a large query takes a while to arrive
    private static final Duration RESPONSE_MARGIN = Duration.ofMinutes(1);

    private LogsClients() {}

    /** A client; building it opens no connection and fetches no token. */
    static LogsQueryClient create(AppInsights settings, LogsTransport transport) {
        TokenCredential credential = transport != null ? transport.credential() : credential(settings);
        HttpClient http = transport != null ? transport.httpClient() : jdkClient(settings);
        LogsQueryClientBuilder builder = new LogsQueryClientBuilder()
                .credential(credential)
                .httpClient(http)
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions()
                        .setMaxRetries(settings.maxRetries())
                        .setBaseDelay(settings.retryDelay())
                        .setMaxDelay(settings.maxRetryDelay())));
        if (settings.endpoint() != null) {
            builder.endpoint(settings.endpoint());
        }
        return builder.buildClient();
    }

    /** A JDK HTTP client with timeouts that fit {@code query-timeout}. */
    static HttpClient jdkClient(AppInsights settings, java.net.http.HttpClient.Builder base) {
        Duration response = settings.queryTimeout().plus(RESPONSE_MARGIN);
        return new JdkHttpClientBuilder(base)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(response)
                .readTimeout(response)
                .build();
    }

    private static HttpClient jdkClient(AppInsights settings) {
        return jdkClient(settings, java.net.http.HttpClient.newBuilder());
    }

    private static TokenCredential credential(AppInsights settings) {
        if (settings.usesClientSecret()) {
            return new ClientSecretCredentialBuilder()
                    .tenantId(settings.tenantId())
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .build();
        }
        return new DefaultAzureCredentialBuilder().build();
    }
}
