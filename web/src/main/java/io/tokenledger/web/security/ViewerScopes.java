package io.tokenledger.web.security;

import io.tokenledger.reporting.ledger.TenantScope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The one place that turns the signed-in principal into a {@link TenantScope}. Every page, endpoint and report that
 * shows tenant data asks here and passes the scope into its query.
 *
 * <p>Local users are read from the database on every request, so that a changed role, changed tenants or a disabled
 * account take effect at once, also for a session signed in before the change. Users signed in with OIDC carry role
 * and tenants in their authorities, mapped from their token's claims at sign-in.
 */
@Component
public class ViewerScopes {

    /** Authority prefix of the tenants of a {@link Role#TENANT_VIEWER} signed in with OIDC. */
    static final String TENANT_AUTHORITY = "TENANT:";

    private final UserAccounts accounts;

    ViewerScopes(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The viewer of the current request. */
    public Viewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Viewer.nobody("anonymous");
        }
        String name = authentication.getName();
        if (authentication instanceof OAuth2AuthenticationToken) {
            return fromAuthorities(name, authentication);
        }
        return accounts.find(name)
                .filter(UserAccounts.UserAccount::enabled)
                .map(account -> new Viewer(name, account.role(), Set.copyOf(account.tenants())))
                .orElseGet(() -> Viewer.nobody(name));
    }

    /** The current viewer's scope. */
    public TenantScope scope() {
        return current().scope();
    }

    /**
     * The scope of a request with an optional {@code tenant} filter: the viewer's whole scope without one, that one
     * tenant with one.
     *
     * @throws TenantForbiddenException when the tenant is outside the viewer's scope
     */
    public TenantScope narrowedTo(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return scope();
        }
        require(tenant.strip());
        return TenantScope.only(Set.of(tenant.strip()));
    }

    /** @throws TenantForbiddenException when the current viewer may not see {@code tenantKey} */
    public void require(String tenantKey) {
        if (!current().sees(tenantKey)) {
            throw new TenantForbiddenException(tenantKey);
        }
    }

    /** For statements: empty for every tenant, otherwise only the viewer's tenants. */
    public Optional<Set<String>> visibleTenants() {
        TenantScope scope = scope();
        return scope.all() ? Optional.empty() : Optional.of(scope.keys());
    }

    private static Viewer fromAuthorities(String name, Authentication authentication) {
        Role role = null;
        Set<String> tenants = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String value = authority.getAuthority();
            if (value == null) {
                continue;
            }
            if (value.startsWith(TENANT_AUTHORITY)) {
                tenants.add(value.substring(TENANT_AUTHORITY.length()));
            } else if (value.startsWith("ROLE_")) {
                role = stronger(role, Role.parse(value.substring(5)).orElse(null));
            }
        }
        return new Viewer(name, role, tenants);
    }

    private static Role stronger(Role current, Role candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.ordinal() < current.ordinal() ? candidate : current;
    }
}
