package io.tokenledger.reporting.alerts;

/** Which threshold an alert is about. */
public enum AlertKind {
    /** A percentage step of the monthly budget; fires once per period and step. */
    MONTHLY,
    /** The daily threshold; fires once per day. */
    DAILY
}
