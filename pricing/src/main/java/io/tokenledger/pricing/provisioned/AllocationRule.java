package io.tokenledger.pricing.provisioned;

/** How a commitment's fixed cost is shared among tenants. */
public enum AllocationRule {
    /** By each tenant's share of the deployment's tokens (prompt incl. cached + completion incl. reasoning). */
    USAGE_SHARE,
    /** Evenly among the tenants that used the deployment. */
    EVEN,
    /** All of it to the owning tenant. */
    OWNER
}
