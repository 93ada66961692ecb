package io.tokenledger.web.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A local user as signed in: Spring Security's user with the version of the password it signed in with (when the
 * password was last changed), so that a session can tell that its password has been changed since.
 */
final class SignedInUser extends User {

    private final Instant passwordVersion;

    SignedInUser(
            String username,
            String passwordHash,
            boolean enabled,
            Collection<? extends GrantedAuthority> authorities,
            Instant passwordVersion) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.passwordVersion = passwordVersion;
    }

    Instant passwordVersion() {
        return passwordVersion;
    }

    /** What a session of a user depends on: the role's authorities, whether enabled, the password's version. */
    record Standing(List<? extends GrantedAuthority> authorities, boolean enabled, Instant passwordVersion) {}

    // User's equals and hashCode compare the user name only, which is what sessions and the throttle want
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
