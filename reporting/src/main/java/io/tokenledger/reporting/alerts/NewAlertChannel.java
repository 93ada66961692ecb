package io.tokenledger.reporting.alerts;

/**
 * A channel to create: {@code type} {@code slack} or {@code webhook}; at most one of {@code tenant} and
 * {@code costCenter} (neither = every tenant); {@code name} optional.
 */
public record NewAlertChannel(String type, String url, String name, String tenant, String costCenter) {}
