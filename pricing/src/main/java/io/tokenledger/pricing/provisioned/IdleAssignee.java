package io.tokenledger.pricing.provisioned;

/** Who carries the idle share of a commitment. */
public enum IdleAssignee {
    /** The commitment's owner tenant. */
    OWNER,
    /** The shared pool ({@code tokenledger.pricing.provisioned.shared-pool-tenant}). */
    POOL
}
