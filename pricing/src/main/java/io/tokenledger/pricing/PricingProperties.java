package io.tokenledger.pricing;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.pricing.*}.
 *
 * @param currency the installation's reporting currency (ISO 4217); cards and commitments in other currencies are
 *     converted with the FX rate of each billing period
 */
@ConfigurationProperties("tokenledger.pricing")
public record PricingProperties(@DefaultValue("USD") String currency) {

    public PricingProperties {
        try {
            currency = Currency.getInstance(currency.trim().toUpperCase(java.util.Locale.ROOT))
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "tokenledger.pricing.currency: '" + currency + "' is not an ISO 4217 currency code", e);
        }
    }
}
