package io.tokenledger.reporting.alerts;

/** Whose alerts a channel receives. */
public enum ChannelScope {
    /** Every tenant's and cost center's. */
    GLOBAL,
    /** One tenant's. */
    TENANT,
    /** A cost center's, and those of its tenants. */
    COST_CENTER
}
