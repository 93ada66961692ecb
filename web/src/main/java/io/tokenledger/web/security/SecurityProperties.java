package io.tokenledger.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tokenledger.security.*}: local passwords, login throttling and OIDC sign-in.
 *
 * @param passwordMinLength shortest password a local user may be given
 */
@ConfigurationProperties("tokenledger.security")
record SecurityProperties(
        @DefaultValue("12") int passwordMinLength,
        @DefaultValue Throttle throttle,
        @DefaultValue Oidc oidc) {

    SecurityProperties {
        if (passwordMinLength < 8 || passwordMinLength > 128) {
            throw new IllegalArgumentException(
                    "tokenledger.security.password-min-length must be between 8 and 128, was " + passwordMinLength);
        }
    }

    /**
     * Failed sign-ins (form and HTTP Basic) lock a user name after {@code maxFailures} and a client address after
     * {@code maxFailuresPerAddress}; each further failure doubles the lockout, from {@code firstLockout} up to
     * {@code maxLockout}. Failures older than {@code forgetAfter} no longer count.
     */
    record Throttle(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int maxFailures,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("30s") Duration firstLockout,
            @DefaultValue("15m") Duration maxLockout,
            @DefaultValue("1h") Duration forgetAfter) {

        Throttle {
            if (maxFailures < 1) {
                throw new IllegalArgumentException(
                        "tokenledger.security.throttle.max-failures must be at least 1, was " + maxFailures);
            }
            if (maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException(
                        "tokenledger.security.throttle.max-failures-per-address must be at least 1, was "
                                + maxFailuresPerAddress);
            }
            if (firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0) {
                throw new IllegalArgumentException("tokenledger.security.throttle.first-lockout must be positive and"
                        + " tokenledger.security.throttle.max-lockout at least as long, were " + firstLockout + " and "
                        + maxLockout);
            }
        }
    }

    /**
     * Sign-in with Microsoft Entra ID (or another OpenID Connect provider): on when {@code clientId} and either
     * {@code issuerUri} or {@code tenantId} are set.
     *
     * @param issuerUri the provider's issuer; for Entra ID {@code https://login.microsoftonline.com/<tenant>/v2.0},
     *     derived from {@code tenantId} when absent
     * @param usernameClaim the claim that names the person
     * @param roleMappings claim value (a group object id or an app role) to TokenLedger role
     * @param tenantMappings claim value to the tenants a {@code TENANT_VIEWER} sees
     * @param claims the claims whose values are mapped (Entra ID: {@code roles} for app roles, {@code groups})
     */
    record Oidc(
            String issuerUri,
            String tenantId,
            String clientId,
            String clientSecret,
            @DefaultValue("Microsoft") String displayName,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue({"roles", "groups"}) List<String> claims,
            Map<String, String> roleMappings,
            Map<String, List<String>> tenantMappings) {

        Oidc {
            claims = List.copyOf(claims);
            roleMappings = roleMappings == null ? Map.of() : Map.copyOf(roleMappings);
            tenantMappings = tenantMappings == null ? Map.of() : Map.copyOf(tenantMappings);
            for (Map.Entry<String, String> mapping : roleMappings.entrySet()) {
                if (Role.parse(mapping.getValue()).isEmpty()) {
                    throw new IllegalArgumentException("tokenledger.security.oidc.role-mappings." + mapping.getKey()
                            + " must be ADMIN, FINANCE or TENANT_VIEWER, was '" + mapping.getValue() + "'");
                }
            }
            // the compact constructor sees the parameters; the fields (and so issuer()) are set after it
            boolean hasClient = clientId != null && !clientId.isBlank();
            if (hasClient && (clientSecret == null || clientSecret.isBlank())) {
                throw new IllegalArgumentException(
                        "tokenledger.security.oidc.client-secret is required when tokenledger.security.oidc.client-id"
                                + " is set");
            }
            if (hasClient && issuerOf(issuerUri, tenantId) == null) {
                throw new IllegalArgumentException("tokenledger.security.oidc.issuer-uri or"
                        + " tokenledger.security.oidc.tenant-id is required when tokenledger.security.oidc.client-id"
                        + " is set");
            }
        }

        boolean enabled() {
            return clientId != null && !clientId.isBlank() && issuer() != null;
        }

        /** The issuer: given, or Entra ID's for the tenant id. */
        String issuer() {
            return issuerOf(issuerUri, tenantId);
        }

        private static String issuerOf(String issuerUri, String tenantId) {
            if (issuerUri != null && !issuerUri.isBlank()) {
                return issuerUri.strip();
            }
            if (tenantId != null && !tenantId.isBlank()) {
                return "https://login.microsoftonline.com/" + tenantId.strip() + "/v2.0";
            }
            return null;
        }
    }
}
