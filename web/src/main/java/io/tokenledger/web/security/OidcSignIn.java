package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Whether people may sign in with OIDC (Microsoft Entra ID), for the login and users pages. */
@Component
public class OidcSignIn {

    /** The registration id in {@code /oauth2/authorization/{id}} and the redirect URI. */
    public static final String REGISTRATION_ID = "entra";

    private final TokenLedgerProperties.Oidc oidc;

    OidcSignIn(TokenLedgerProperties properties) {
        this.oidc = properties.security().oidc();
        checkRoleMappings(oidc);
    }

    public boolean enabled() {
        return oidc.enabled();
    }

    /** The button's name: "Sign in with Microsoft". */
    public String displayName() {
        return oidc.displayName();
    }

    /** Where the sign-in button leads. */
    public String authorizationPath() {
        return "/oauth2/authorization/" + REGISTRATION_ID;
    }

    // Here rather than in TokenLedgerProperties, which cannot see Role without a package cycle. This bean is always
    // created, so a wrong mapping still fails the start, whether OIDC is on or not.
    private static void checkRoleMappings(TokenLedgerProperties.Oidc oidc) {
        for (Map.Entry<String, String> mapping : oidc.roleMappings().entrySet()) {
            if (Role.parse(mapping.getValue()).isEmpty()) {
                throw new IllegalArgumentException("tokenledger.security.oidc.role-mappings." + mapping.getKey()
                        + " must be ADMIN, FINANCE or TENANT_VIEWER, was '" + mapping.getValue() + "'");
            }
        }
    }
}
