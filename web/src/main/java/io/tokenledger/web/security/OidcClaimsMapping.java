package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person signed in with OIDC into a TokenLedger role and tenants: the values of the configured claims
 * (Entra ID: {@code roles} for app roles, {@code groups} for group object ids) are looked up in
 * {@code tokenledger.security.oidc.role-mappings} (the strongest role wins) and
 * {@code tokenledger.security.oidc.tenant-mappings}. Without a mapped role the sign-in is refused; a tenant viewer
 * without a mapped tenant too. Mapped at every sign-in, so a change in Entra ID applies at the next one.
 */
class OidcClaimsMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final TokenLedgerProperties.Oidc settings;

    OidcClaimsMapping(TokenLedgerProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        List<String> values = new ArrayList<>();
        for (String claim : settings.claims()) {
            Object value = user.getClaims().get(claim);
            if (value instanceof Collection<?> many) {
                many.forEach(item -> values.add(String.valueOf(item)));
            } else if (value != null) {
                values.add(String.valueOf(value));
            }
        }
        Role role = null;
        Set<String> tenants = new TreeSet<>();
        for (String value : values) {
            String mapped = settings.roleMappings().get(value);
            Role candidate = mapped == null ? null : Role.parse(mapped).orElse(null);
            if (candidate != null && (role == null || candidate.ordinal() < role.ordinal())) {
                role = candidate;
            }
            tenants.addAll(settings.tenantMappings().getOrDefault(value, List.of()));
        }
        if (role == null) {
            throw refused("No TokenLedger role is mapped for any of your " + settings.claims() + " claims.");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        if (role == Role.TENANT_VIEWER) {
            if (tenants.isEmpty()) {
                throw refused("You are a tenant viewer, but no tenant is mapped for your claims.");
            }
            tenants.forEach(key -> authorities.add(new SimpleGrantedAuthority(ViewerScopes.TENANT_AUTHORITY + key)));
        }
        String nameClaim = user.getClaims().containsKey(settings.usernameClaim()) ? settings.usernameClaim() : "sub";
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", description, null), description);
    }
}
