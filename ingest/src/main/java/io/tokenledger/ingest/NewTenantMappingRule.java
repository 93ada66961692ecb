package io.tokenledger.ingest;

/**
 * A mapping rule to add (or to replace one with), as a caller sends it; {@code priority} defaults to
 * {@value #DEFAULT_PRIORITY}.
 */
public record NewTenantMappingRule(String field, String match, String pattern, String tenant, Integer priority) {

    public static final int DEFAULT_PRIORITY = 100;
}
