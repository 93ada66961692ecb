package io.tokenledger.reporting.chargeback;

/** How a tenant's cost becomes what it is charged. */
public enum ChargebackKind {
    /** The cost as it is. */
    AT_COST,
    /** The cost plus {@code percent} %. */
    MARKUP,
    /** The cost less {@code percent} % (at most 100). */
    DISCOUNT,
    /** Shown on the statement, charged nothing. */
    FREE
}
