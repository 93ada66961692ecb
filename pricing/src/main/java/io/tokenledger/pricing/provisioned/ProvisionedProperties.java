package io.tokenledger.pricing.provisioned;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.pricing.provisioned.*}.
 *
 * @param sharedPoolTenant the tenant key that carries idle provisioned capacity of commitments whose idle share goes
 *     to the shared pool
 */
@ConfigurationProperties("tokenledger.pricing.provisioned")
public record ProvisionedProperties(
        @DefaultValue("shared-pool") String sharedPoolTenant) {

    public ProvisionedProperties {
        if (sharedPoolTenant == null || sharedPoolTenant.isBlank() || sharedPoolTenant.length() > 200) {
            throw new IllegalArgumentException("tokenledger.pricing.provisioned.shared-pool-tenant must be a tenant key"
                    + " of 1 to 200 characters, was '" + sharedPoolTenant + "'");
        }
        sharedPoolTenant = sharedPoolTenant.trim();
    }
}
