package io.tokenledger.web.security;

import static io.tokenledger.db.jooq.Tables.APP_USER;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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
        var row = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
        if (row.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        var user = row.get();
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.getEnabled())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole())))
                .build();
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
