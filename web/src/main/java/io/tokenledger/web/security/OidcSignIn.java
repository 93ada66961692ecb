package io.tokenledger.web.security;

import org.springframework.stereotype.Component;

/** Whether people may sign in with OIDC (Microsoft Entra ID), for the login and users pages. */
@Component
public class OidcSignIn {

    /** The registration id in {@code /oauth2/authorization/{id}} and the redirect URI. */
    public static final String REGISTRATION_ID = "entra";

    private final SecurityProperties.Oidc oidc;

    OidcSignIn(SecurityProperties properties) {
        this.oidc = properties.oidc();
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
}
