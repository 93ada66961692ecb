package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.reporting.ReportingProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertsSettingsTest {

    private static final ReportingProperties.Delivery DELIVERY = new ReportingProperties.Delivery(
            true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 10, Duration.ofSeconds(10), 20);

    @Test
    void aWrongSettingNamesItsProperty() {
        assertThatThrownBy(() -> new ReportingProperties.Alerts(URI.create("tokenledger.example.com"), "-", DELIVERY))
                .hasMessageContaining("tokenledger.reporting.alerts.public-url");
        assertThatThrownBy(() -> new ReportingProperties.Alerts(URI.create("https://x.example"), "every day", DELIVERY))
                .hasMessageContaining("tokenledger.reporting.alerts.check-cron");
        assertThatThrownBy(() -> new ReportingProperties.Delivery(
                        true,
                        Duration.ofSeconds(5),
                        Duration.ofHours(2),
                        Duration.ofHours(1),
                        10,
                        Duration.ofSeconds(1),
                        20))
                .hasMessageContaining("tokenledger.reporting.alerts.delivery.max-backoff");
        assertThatThrownBy(() -> new ReportingProperties.Delivery(
                        true, Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(1), 20))
                .hasMessageContaining("tokenledger.reporting.alerts.delivery.poll-interval");
    }

    @Test
    void theBaseUrlHasNoTrailingSlash() {
        assertThat(new ReportingProperties.Alerts(URI.create("https://tl.example.com/"), "-", DELIVERY).base())
                .isEqualTo("https://tl.example.com");
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximumAndHonoursRetryAfter() {
        DeliveryPoller poller = new DeliveryPoller(null, null, null, DELIVERY, null, null);

        assertThat(poller.backoff(1, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(poller.backoff(2, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(poller.backoff(4, null)).isEqualTo(Duration.ofSeconds(240));
        assertThat(poller.backoff(20, null)).isEqualTo(Duration.ofHours(1));
        assertThat(poller.backoff(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(poller.backoff(1, Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
    }
}
