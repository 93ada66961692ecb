package io.tokenledger.pricing;

import java.util.Currency;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pricing module's settings: {@code tokenledger.business-zone} and {@code tokenledger.pricing.*}. Bound at
 * {@code tokenledger}, the prefix the two share, because the business zone sits directly under it.
 *
 * @param businessZone the time zone of business days and billing periods (a zone id such as UTC or Europe/Berlin)
 * @param pricing prices and provisioned capacity
 */
@ConfigurationProperties("tokenledger")
public record PricingProperties(
        @DefaultValue("UTC") String businessZone,
        @DefaultValue Pricing pricing) {

    public PricingProperties {
        businessZone = BusinessCalendar.zoneOf(businessZone).getId();
    }

    /** The installation's reporting currency (ISO 4217), {@code tokenledger.pricing.currency}. */
    public String currency() {
        return pricing.currency();
    }

    /**
     * {@code tokenledger.pricing.*}.
     *
     * @param currency the installation's reporting currency (ISO 4217); rate cards and commitments in other
     *     currencies are converted with the FX rate of each billing period
     * @param provisioned provisioned (PTU) capacity
     */
    public record Pricing(
            @DefaultValue("USD") String currency,
            @DefaultValue Provisioned provisioned) {

        public Pricing {
            try {
                currency = Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT))
                        .getCurrencyCode();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "tokenledger.pricing.currency: '" + currency + "' is not an ISO 4217 currency code", e);
            }
        }
    }

    /**
     * {@code tokenledger.pricing.provisioned.*}.
     *
     * @param sharedPoolTenant the tenant that carries idle provisioned capacity of commitments whose idle share goes
     *     to the shared pool
     */
    public record Provisioned(@DefaultValue("shared-pool") String sharedPoolTenant) {

        public Provisioned {
            if (sharedPoolTenant == null || sharedPoolTenant.isBlank() || sharedPoolTenant.length() > 200) {
                throw new IllegalArgumentException("tokenledger.pricing.provisioned.shared-pool-tenant must be a"
                        + " tenant key of 1 to 200 characters, was '" + sharedPoolTenant + "'");
            }
            sharedPoolTenant = sharedPoolTenant.trim();
        }
    }
}
