package io.tokenledger.ingest.appinsights;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import java.util.Objects;

/**
 * How the query client reaches the service, when the application provides it as a bean: a credential and an HTTP
 * client of its own (e.g. a proxy with a private CA). Without such a bean the client signs in with the configured
 * client secret or {@code DefaultAzureCredential} over the JDK's HTTP client.
 */
record LogsTransport(TokenCredential credential, HttpClient httpClient) {

    LogsTransport {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(httpClient, "httpClient");
    }
}
