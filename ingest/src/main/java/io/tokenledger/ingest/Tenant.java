package io.tokenledger.ingest;

/**
 * Who is charged: a tenant key as usage is attributed to it, with the name and cost center an admin gave it
 * (null until given).
 */
public record Tenant(String key, String name, String costCenter) {

    /** The name to show: the given name, else the key. */
    public String displayName() {
        return name == null || name.isBlank() ? key : name;
    }
}
