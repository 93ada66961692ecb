package io.tokenledger.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer tlk_…} on the API: a valid, unrevoked ingest key signs the request in as the
 * machine {@code ingest-key:<name>} with the single authority {@code ROLE_INGEST}; anything else is left to the
 * other mechanisms (and so ends in 401).
 */
class IngestKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String ROLE = "INGEST";

    private final IngestKeys keys;

    IngestKeyAuthenticationFilter(IngestKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            keys.authenticate(header.substring(7).trim())
                    .ifPresent(name -> SecurityContextHolder.getContext()
                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    "ingest-key:" + name, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)))));
        }
        chain.doFilter(request, response);
    }
}
