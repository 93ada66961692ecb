package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one OIDC client, {@link OidcSignIn#REGISTRATION_ID}, read from the issuer's discovery document on first use
 * rather than at start-up, so that TokenLedger starts (and local users sign in) while the identity provider is
 * unreachable; a failed lookup is retried on the next sign-in.
 */
class OidcClientRegistrations implements ClientRegistrationRepository {

    private final TokenLedgerProperties.Oidc settings;
    private volatile ClientRegistration registration;

    OidcClientRegistrations(TokenLedgerProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcSignIn.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(settings.issuer())
                    .registrationId(OidcSignIn.REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email")
                    .userNameAttributeName(settings.usernameClaim())
                    .clientName(settings.displayName())
                    .build();
            registration = known;
        }
        return known;
    }
}
