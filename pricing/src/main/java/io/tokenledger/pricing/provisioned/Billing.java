package io.tokenledger.pricing.provisioned;

/** How a provisioned commitment is billed. */
public enum Billing {
    /** A price per hour in force; a period costs the price × its hours in force (clock hours in the business zone). */
    HOURLY,
    /** A price per calendar month; a period costs the price × days in force ÷ days of the month. */
    MONTHLY,
    /** The commitment ends: from this version's day on the deployment has no fixed cost. */
    ENDED
}
