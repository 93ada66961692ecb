package io.tokenledger.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web module's settings: {@code tokenledger.demo}, {@code tokenledger.admin-password} and
 * {@code tokenledger.security.*}. Bound at {@code tokenledger}, the prefix they share; the other modules bind their
 * own records under it ({@code DbProperties}, {@code PricingProperties}, {@code IngestProperties},
 * {@code ReportingProperties}).
 *
 * @param demo load a month of synthetic gateway traffic and rate cards at start-up
 * @param adminPassword password of the admin user created on first start with an empty database
 *     (TOKENLEDGER_ADMIN_PASSWORD); a random one is generated and logged once when absent
 * @param security local passwords, sign-in throttling and OIDC sign-in
 */
@ConfigurationProperties("tokenledger")
public record TokenLedgerProperties(
        @DefaultValue("false") boolean demo,
        String adminPassword,
        @DefaultValue Security security) {

    // The admin password must stay out of logs and error pages.
    @Override
    public String toString() {
        return "TokenLedgerProperties[demo=" + demo + ", adminPassword=" + (adminPassword == null ? "null" : "(set)")
                + ", security=" + security + "]";
    }

    /**
     * {@code tokenledger.security.*}: local passwords, sign-in throttling and OIDC sign-in.
     *
     * @param passwordMinLength shortest password a local user may be given (8 to 128)
     * @param throttle sign-in throttling
     * @param oidc sign-in with Microsoft Entra ID or another OpenID Connect provider
     */
    public record Security(
            @DefaultValue("12") int passwordMinLength,
            @DefaultValue Throttle throttle,
            @DefaultValue Oidc oidc) {

        public Security {
            if (passwordMinLength < 8 || passwordMinLength > 128) {
                throw new IllegalArgumentException(
                        "tokenledger.security.password-min-length must be between 8 and 128, was " + passwordMinLength);
            }
        }
    }

    /**
     * {@code tokenledger.security.throttle.*}: failed sign-ins (form and HTTP Basic) lock a user name after
     * {@code maxFailures} and a client address after {@code maxFailuresPerAddress}; each further failure doubles the
     * lockout, from {@code firstLockout} up to {@code maxLockout}. Failures older than {@code forgetAfter} no longer
     * count.
     *
     * @param enabled count failed sign-ins and lock out
     * @param maxFailures failures before a user name is locked
     * @param maxFailuresPerAddress failures before a client address is locked
     * @param firstLockout the first lockout; each further failure doubles it
     * @param maxLockout the longest lockout
     * @param forgetAfter how long a failure counts
     */
    public record Throttle(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int maxFailures,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("30s") Duration firstLockout,
            @DefaultValue("15m") Duration maxLockout,
            @DefaultValue("1h") Duration forgetAfter) {

        public Throttle {
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
     * {@code tokenledger.security.oidc.*}: sign-in with Microsoft Entra ID (or another OpenID Connect provider); on
     * when {@code clientId} and either {@code issuerUri} or {@code tenantId} are set. The role names in
     * {@code roleMappings} are checked at start-up by {@code web.security.OidcSignIn}, which knows the roles.
     *
     * @param issuerUri the provider's issuer; for Entra ID https://login.microsoftonline.com/(tenant)/v2.0, derived
     *     from {@code tenantId} when absent
     * @param tenantId the Entra ID tenant, for its issuer
     * @param clientId the app registration's client id; with an issuer it turns "Sign in with Microsoft" on
     * @param clientSecret the app registration's client secret
     * @param displayName the provider's name on the sign-in button
     * @param usernameClaim the claim that names the person
     * @param claims the claims whose values are mapped (Entra ID: roles for app roles, groups)
     * @param roleMappings claim value (a group object id or an app role) to TokenLedger role (ADMIN, FINANCE or
     *     TENANT_VIEWER)
     * @param tenantMappings claim value to the tenants a TENANT_VIEWER sees
     */
    public record Oidc(
            String issuerUri,
            String tenantId,
            String clientId,
            String clientSecret,
            @DefaultValue("Microsoft") String displayName,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue({"roles", "groups"}) List<String> claims,
            Map<String, String> roleMappings,
            Map<String, List<String>> tenantMappings) {

        public Oidc {
            claims = List.copyOf(claims);
            roleMappings = roleMappings == null ? Map.of() : Map.copyOf(roleMappings);
            tenantMappings = tenantMappings == null ? Map.of() : Map.copyOf(tenantMappings);
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

        public boolean enabled() {
            return clientId != null && !clientId.isBlank() && issuer() != null;
        }

        /** The issuer: given, or Entra ID's for the tenant id. */
        public String issuer() {
            return issuerOf(issuerUri, tenantId);
        }

        // The client secret must stay out of logs and error pages.
        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer() + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "null" : "(set)") + ", displayName=" + displayName + ", usernameClaim="
                    + usernameClaim + ", claims=" + claims + ", roleMappings=" + roleMappings + ", tenantMappings="
                    + tenantMappings + "]";
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
