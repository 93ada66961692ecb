package io.tokenledger.web.security;

import static io.tokenledger.db.jooq.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in with a local password; passwords are stored hashed (bcrypt by default). Read by
 * {@link ThrottledAuthenticationProvider} only: not a {@code UserDetailsService} bean, which Spring Security would
 * offer to its own password sign-in (and warn that it does not use it).
 */
@Service
class LocalUsers {

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;

    LocalUsers(DSLContext dsl, PasswordEncoder passwordEncoder) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    UserDetails loadUserByUsername(String username) {
        var user = dsl.selectFrom(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new SignedInUser(
                user.getUsername(),
                user.getPasswordHash(),
                user.getEnabled(),
                authorities(user.getRole()),
                passwordVersion(user.getPasswordChangedAt()));
    }

    /** What a session of {@code username} depends on, as it is now; empty when the user is gone. */
    @Transactional(readOnly = true)
    Optional<SignedInUser.Standing> standing(String username) {
        return dsl.select(APP_USER.ROLE, APP_USER.ENABLED, APP_USER.PASSWORD_CHANGED_AT)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(row -> new SignedInUser.Standing(
                        authorities(row.value1()), row.value2(), passwordVersion(row.value3())));
    }

    private static List<SimpleGrantedAuthority> authorities(String role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private static Instant passwordVersion(OffsetDateTime changedAt) {
        return changedAt == null ? Instant.EPOCH : changedAt.toInstant();
    }

    @Transactional(readOnly = true)
    boolean anyExist() {
        return dsl.fetchExists(APP_USER);
    }

    @Transactional
    void create(String username, String rawPassword, Role role) {
        dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(rawPassword))
                .set(APP_USER.ROLE, role.name())
                .onConflictDoNothing()
                .execute();
    }
}
