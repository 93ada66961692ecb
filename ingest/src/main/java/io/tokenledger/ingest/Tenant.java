package io.tokenledger.ingest;

/**
 * Who is charged: a tenant key as usage is attributed to it, with the name, cost center and owner an admin gave it
 * (null until given).
 */
public record Tenant(String key, String name, String costCenter, String ownerEmail) {

    /** Where usage goes that no mapping rule maps; it always exists and is always shown. */
    public static final String UNASSIGNED = TenantResolver.UNASSIGNED;

    /** A tenant without an owner. */
    public Tenant(String key, String name, String costCenter) {
        this(key, name, costCenter, null);
    }

    /** The name to show: the given name, else the key. */
    public String displayName() {
        return name == null || name.isBlank() ? key : name;
    }

    /** True for {@value #UNASSIGNED}. */
    public boolean isUnassigned() {
        return UNASSIGNED.equals(key);
    }
}
