package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PricingPropertiesTest {

    private static final PricingProperties.Provisioned PROVISIONED = new PricingProperties.Provisioned("shared-pool");

    @Test
    void currencyIsNormalizedToItsIsoCode() {
        assertThat(pricing("USD").currency()).isEqualTo("USD");
        assertThat(pricing(" eur ").currency()).isEqualTo("EUR");
    }

    @Test
    void unknownCurrencyFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> pricing("DOLLARS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency")
                .hasMessageContaining("DOLLARS");
        assertThatThrownBy(() -> pricing("XXY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency");
    }

    @Test
    void blankCurrencyFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> pricing(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency");
    }

    @Test
    void businessZoneIsCheckedWhenBoundAndDefaultsToUtc() {
        assertThat(bind(Map.of()).businessZone()).isEqualTo("UTC");
        assertThat(bind(Map.of("tokenledger.business-zone", " Europe/Berlin ")).businessZone())
                .isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> bind(Map.of("tokenledger.business-zone", "Mars/Olympus_Mons")))
                .hasStackTraceContaining("tokenledger.business-zone: 'Mars/Olympus_Mons' is not a time zone id");
    }

    @Test
    void defaultsComeFromTheRecord() {
        PricingProperties defaults = bind(Map.of());
        assertThat(defaults.currency()).isEqualTo("USD");
        assertThat(defaults.pricing().provisioned().sharedPoolTenant()).isEqualTo("shared-pool");
    }

    private static PricingProperties.Pricing pricing(String currency) {
        return new PricingProperties.Pricing(currency, PROVISIONED);
    }

    private static PricingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("tokenledger", PricingProperties.class);
    }
}
