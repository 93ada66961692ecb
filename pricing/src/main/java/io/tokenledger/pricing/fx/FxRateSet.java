package io.tokenledger.pricing.fx;

/** Announced inside the transaction that stores or corrects a period's rate, so that usage can be re-converted. */
public record FxRateSet(FxRate rate) {}
