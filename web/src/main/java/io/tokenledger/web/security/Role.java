package io.tokenledger.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do: everything, read and export all tenants, or read their own tenants only. Declared from the
 * strongest to the weakest.
 */
public enum Role {
    ADMIN,
    FINANCE,
    TENANT_VIEWER;

    /** {@code admin}, {@code FINANCE}, {@code tenant_viewer} or {@code tenant-viewer}. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(role -> role.name().equals(normalized))
                .findFirst();
    }
}
