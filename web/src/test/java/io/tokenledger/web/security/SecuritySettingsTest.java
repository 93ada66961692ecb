package io.tokenledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.web.TokenLedgerProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecuritySettingsTest {

    @Test
    void oidcIsOffByDefaultAndEntraIssuerComesFromTheTenantId() {
        assertThat(bind(Map.of()).security().oidc().enabled()).isFalse();

        TokenLedgerProperties.Oidc oidc = bind(Map.of(
                        "tokenledger.security.oidc.tenant-id", "contoso-tenant",
                        "tokenledger.security.oidc.client-id", "app",
                        "tokenledger.security.oidc.client-secret", "secret",
                        "tokenledger.security.oidc.role-mappings[TokenLedger.Admin]", "admin",
                        "tokenledger.security.oidc.tenant-mappings[group-1]", "acme,globex"))
                .security()
                .oidc();

        assertThat(oidc.enabled()).isTrue();
        assertThat(oidc.issuer()).isEqualTo("https://login.microsoftonline.com/contoso-tenant/v2.0");
        assertThat(oidc.roleMappings()).containsEntry("TokenLedger.Admin", "admin");
        assertThat(oidc.tenantMappings()).containsEntry("group-1", List.of("acme", "globex"));
        assertThat(oidc.claims()).containsExactly("roles", "groups");
    }

    @Test
    void wrongSettingsNameTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("tokenledger.security.oidc.client-id", "app")))
                .rootCause()
                .hasMessageContaining("tokenledger.security.oidc.client-secret");
        assertThatThrownBy(() -> bind(Map.of(
                        "tokenledger.security.oidc.client-id", "app",
                        "tokenledger.security.oidc.client-secret", "secret")))
                .rootCause()
                .hasMessageContaining("tokenledger.security.oidc.issuer-uri");
        // role names are checked where the roles are known, by the OidcSignIn bean every start creates
        assertThatThrownBy(() -> new OidcSignIn(bind(Map.of("tokenledger.security.oidc.role-mappings[x]", "OWNER"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.security.oidc.role-mappings.x");
        assertThatThrownBy(() -> bind(Map.of("tokenledger.security.password-min-length", "4")))
                .rootCause()
                .hasMessageContaining("tokenledger.security.password-min-length");
    }

    private static TokenLedgerProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("tokenledger", TokenLedgerProperties.class);
    }
}
