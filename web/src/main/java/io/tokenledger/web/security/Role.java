package io.tokenledger.web.security;

/** What a person may do: everything, read and export all tenants, or read their own tenants only. */
public enum Role {
    ADMIN,
    FINANCE,
    TENANT_VIEWER
}
