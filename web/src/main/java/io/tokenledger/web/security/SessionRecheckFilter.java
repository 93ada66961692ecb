package io.tokenledger.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a local user's account on every request of a browser session, before anything is authorised, so that an
 * admin's change applies at once (docs/security.md): a user who was disabled or deleted, or whose password has been
 * changed since the session signed in, is signed out (the request goes on as anonymous: a page sends it to the
 * sign-in page); a changed role replaces the session's authorities for this request and the ones after it. A tenant
 * viewer's tenants are read per request anyway ({@link ViewerScopes}). Requests to the API authenticate anew every
 * time (HTTP Basic, ingest keys) and have no session; an OIDC session carries what the identity provider said at
 * sign-in until it ends.
 */
class SessionRecheckFilter extends OncePerRequestFilter {

    private final LocalUsers users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionRecheckFilter(LocalUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof SignedInUser user
                && request.getSession(false) != null) {
            Optional<SignedInUser.Standing> now = users.standing(user.getUsername());
            if (now.isEmpty()
                    || !now.get().enabled()
                    || !now.get().passwordVersion().equals(user.passwordVersion())) {
                signOut(request);
            } else if (!new HashSet<>(now.get().authorities()).equals(new HashSet<>(user.getAuthorities()))) {
                reauthorise(authentication, user, now.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void reauthorise(
            Authentication old,
            SignedInUser user,
            SignedInUser.Standing now,
            HttpServletRequest request,
            HttpServletResponse response) {
        SignedInUser principal =
                new SignedInUser(user.getUsername(), "", true, now.authorities(), user.passwordVersion());
        principal.eraseCredentials();
        UsernamePasswordAuthenticationToken fresh =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, now.authorities());
        fresh.setDetails(old.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(fresh);
        holder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
