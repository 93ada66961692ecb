package io.tokenledger.web.security;

import static io.tokenledger.db.jooq.Tables.APP_USER;
import static io.tokenledger.db.jooq.Tables.APP_USER_TENANT;

import io.tokenledger.db.RejectedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in with a local password, as admins manage them: create, list, disable and enable, change
 * role and tenants, reset the password. Every password set here meets the {@link PasswordPolicy}. Passwords are hashed with the application's encoder and never returned.
 * The last enabled admin cannot be disabled or demoted, so that nobody locks everybody out.
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwords;

    UserAccounts(DSLContext dsl, PasswordEncoder passwordEncoder, PasswordPolicy passwords) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.passwords = passwords;
    }

    /** A user as listed: never the password. {@code tenants} is empty for admins and finance. */
    public record UserAccount(String username, Role role, List<String> tenants, boolean enabled, Instant createdAt) {

        public UserAccount {
            tenants = List.copyOf(tenants);
        }
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        Map<String, List<String>> tenants = dsl.selectFrom(APP_USER_TENANT)
                .orderBy(APP_USER_TENANT.TENANT_KEY)
                .fetchGroups(APP_USER_TENANT.USERNAME, APP_USER_TENANT.TENANT_KEY);
        return dsl.selectFrom(APP_USER)
                .orderBy(APP_USER.USERNAME)
                .fetch(row -> new UserAccount(
                        row.getUsername(),
                        Role.valueOf(row.getRole()),
                        tenants.getOrDefault(row.getUsername(), List.of()),
                        row.getEnabled(),
                        row.getCreatedAt().toInstant()));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(row -> new UserAccount(
                        row.getUsername(),
                        Role.valueOf(row.getRole()),
                        dsl.select(APP_USER_TENANT.TENANT_KEY)
                                .from(APP_USER_TENANT)
                                .where(APP_USER_TENANT.USERNAME.eq(username))
                                .orderBy(APP_USER_TENANT.TENANT_KEY)
                                .fetch(APP_USER_TENANT.TENANT_KEY),
                        row.getEnabled(),
                        row.getCreatedAt().toInstant()));
    }

    /**
     * @param role {@code ADMIN}, {@code FINANCE} or {@code TENANT_VIEWER}
     * @param tenants required for a tenant viewer, not allowed for the other roles
     * @throws RejectedException for a wrong field or a taken user name
     */
    @Transactional
    public UserAccount create(String username, String password, String role, Collection<String> tenants) {
        String name = username(username);
        Role parsed = role(role);
        Set<String> keys = tenants(parsed, tenants);
        passwords.check(name, password);
        int inserted = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, name)
                .set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(password))
                .set(APP_USER.ROLE, parsed.name())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw RejectedException.conflict("username", "A user named '" + name + "' exists already.");
        }
        writeTenants(name, keys);
        return find(name).orElseThrow();
    }

    /**
     * Changes role and tenants together (a tenant viewer needs tenants, the other roles have none).
     *
     * @param role null to keep the current role
     */
    @Transactional
    public UserAccount update(String username, String role, Collection<String> tenants) {
        UserAccount current = existing(username);
        Role parsed = role == null || role.isBlank() ? current.role() : role(role);
        Set<String> keys = tenants(parsed, tenants == null ? current.tenants() : tenants);
        if (current.role() == Role.ADMIN && parsed != Role.ADMIN) {
            requireAnotherEnabledAdmin(current.username(), "role");
        }
        dsl.update(APP_USER)
                .set(APP_USER.ROLE, parsed.name())
                .where(APP_USER.USERNAME.eq(current.username()))
                .execute();
        writeTenants(current.username(), keys);
        return find(current.username()).orElseThrow();
    }

    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount current = existing(username);
        if (!enabled && current.role() == Role.ADMIN) {
            requireAnotherEnabledAdmin(current.username(), "enabled");
        }
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, enabled)
                .where(APP_USER.USERNAME.eq(current.username()))
                .execute();
        return find(current.username()).orElseThrow();
    }

    @Transactional
    public void resetPassword(String username, String password) {
        UserAccount current = existing(username);
        passwords.check(current.username(), password);
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordEncoder.encode(password))
                .set(APP_USER.PASSWORD_CHANGED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(APP_USER.USERNAME.eq(current.username()))
                .execute();
    }

    public int passwordMinLength() {
        return passwords.minLength();
    }

    private UserAccount existing(String username) {
        return find(username == null ? "" : username)
                .orElseThrow(() -> RejectedException.notFound(null, "There is no user '" + username + "'."));
    }

    private void requireAnotherEnabledAdmin(String username, String field) {
        boolean another = dsl.fetchExists(
                APP_USER,
                APP_USER.ROLE
                        .eq(Role.ADMIN.name())
                        .and(APP_USER.ENABLED.isTrue())
                        .and(APP_USER.USERNAME.ne(username)));
        if (!another) {
            throw RejectedException.invalid(
                    field, "'" + username + "' is the last enabled admin; make another user admin first.");
        }
    }

    private void writeTenants(String username, Set<String> keys) {
        dsl.deleteFrom(APP_USER_TENANT)
                .where(APP_USER_TENANT.USERNAME.eq(username))
                .execute();
        for (String key : keys) {
            dsl.insertInto(APP_USER_TENANT)
                    .set(APP_USER_TENANT.USERNAME, username)
                    .set(APP_USER_TENANT.TENANT_KEY, key)
                    .execute();
        }
    }

    private static String username(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw RejectedException.invalid(
                    "username", "username must be 1 to 100 letters, digits or . _ @ + -, was '" + username + "'");
        }
        return name;
    }

    private static Role role(String role) {
        return Role.parse(role)
                .orElseThrow(() -> RejectedException.invalid(
                        "role", "role must be ADMIN, FINANCE or TENANT_VIEWER, was '" + role + "'"));
    }

    private static Set<String> tenants(Role role, Collection<String> tenants) {
        Set<String> keys = tenants == null
                ? Set.of()
                : tenants.stream()
                        .filter(key -> key != null && !key.isBlank())
                        .map(String::strip)
                        .collect(Collectors.toCollection(TreeSet::new));
        if (role == Role.TENANT_VIEWER && keys.isEmpty()) {
            throw RejectedException.invalid("tenants", "a TENANT_VIEWER needs at least one tenant key in tenants");
        }
        if (role != Role.TENANT_VIEWER && !keys.isEmpty()) {
            throw RejectedException.invalid(
                    "tenants", role + " sees every tenant; tenants are only for TENANT_VIEWER users");
        }
        return new LinkedHashSet<>(keys);
    }
}
