package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.RejectedException;
import io.tokenledger.reporting.ReportingProperties;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelUrlsTest {

    private final ChannelUrls httpsOnly = new ChannelUrls(new ReportingProperties.AlertChannelUrls(false, List.of()));
    private final ChannelUrls httpAllowed =
            new ChannelUrls(new ReportingProperties.AlertChannelUrls(true, List.of("127.0.0.1")));

    @Test
    void httpsIsAcceptedAndPlainHttpOnlyWhenAllowed() {
        assertThat(httpsOnly.check("https://hooks.slack.com/services/T0/B0/x")).hasScheme("https");
        assertThat(httpAllowed.check("http://127.0.0.1:8080/hook")).hasScheme("http");
        assertThatThrownBy(() -> httpsOnly.check("http://127.0.0.1:8080/hook"))
                .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("url");
                    assertThat(rejected.getMessage()).contains("tokenledger.alerts.allow-http=true");
                });
    }

    @Test
    void otherSchemesMissingHostsAndCredentialsAreRefused() {
        for (String url :
                new String[] {"ftp://example.com/x", "https:///path", "https://user:pw@example.com/x", "", "::"}) {
            assertThatThrownBy(() -> httpAllowed.check(url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            RejectedException.class,
                            rejected -> assertThat(rejected.field()).isEqualTo("url"));
        }
    }

    @Test
    void aChannelShowsItsUrlWithoutTheSecretPart() {
        AlertChannel slack = new AlertChannel(
                1,
                "slack",
                null,
                URI.create("https://hooks.slack.com/services/T0/B0/abc"),
                ChannelScope.GLOBAL,
                null,
                null,
                null);
        AlertChannel bare = new AlertChannel(
                2, "webhook", "ops", URI.create("https://example.com/hook"), ChannelScope.GLOBAL, null, null, null);

        assertThat(slack.maskedUrl()).isEqualTo("https://hooks.slack.com/…");
        assertThat(slack.displayName()).isEqualTo("https://hooks.slack.com/…");
        assertThat(bare.maskedUrl()).isEqualTo("https://example.com/…");
        assertThat(bare.displayName()).isEqualTo("ops");
    }

    @Test
    void aMaskedUrlShowsNothingAfterTheHost() {
        assertThat(masked("https://hooks.example.com/services/T1/B2/secret-part"))
                .isEqualTo("https://hooks.example.com/…");
        assertThat(masked("https://example.com/secret-token")).isEqualTo("https://example.com/…");
        assertThat(masked("https://example.com/hook;jsessionid=0123456789abcdef"))
                .isEqualTo("https://example.com/…");
        assertThat(masked("https://example.com/a;token=secret/b")).isEqualTo("https://example.com/…");
        assertThat(masked("https://example.com?token=secret")).isEqualTo("https://example.com/…");
        assertThat(masked("https://example.com#secret")).isEqualTo("https://example.com/…");
        assertThat(masked("https://example.com:8443/hooks/secret")).isEqualTo("https://example.com:8443/…");
        assertThat(masked("https://[2001:db8::1]/hooks/secret")).isEqualTo("https://[2001:db8::1]/…");
        assertThat(masked("https://example.com/")).isEqualTo("https://example.com/");
        assertThat(masked("https://example.com")).isEqualTo("https://example.com");
    }

    private static String masked(String url) {
        return new AlertChannel(7, "webhook", null, URI.create(url), ChannelScope.GLOBAL, null, null, null).maskedUrl();
    }
}
