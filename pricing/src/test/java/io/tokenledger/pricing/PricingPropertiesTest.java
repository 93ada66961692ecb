package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricingPropertiesTest {

    @Test
    void currencyIsNormalizedToItsIsoCode() {
        assertThat(new PricingProperties("USD").currency()).isEqualTo("USD");
        assertThat(new PricingProperties(" eur ").currency()).isEqualTo("EUR");
    }

    @Test
    void unknownCurrencyFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> new PricingProperties("DOLLARS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency")
                .hasMessageContaining("DOLLARS");
        assertThatThrownBy(() -> new PricingProperties("XXY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency");
    }

    @Test
    void blankCurrencyFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> new PricingProperties(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.pricing.currency");
    }
}
