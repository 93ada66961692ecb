package io.tokenledger.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.ingest.tenants.*}.
 *
 * @param subscriptionFallback charge usage that no mapping rule maps and that names no explicit tenant to its APIM
 *     subscription name (else its subscription id) as tenant key; when false such usage goes to {@code unassigned}
 */
@ConfigurationProperties("tokenledger.ingest.tenants")
public record TenantProperties(@DefaultValue("true") boolean subscriptionFallback) {}
