package io.tokenledger.pricing.provisioned;

import java.time.LocalDate;

/**
 * The part of a billing period in which one commitment version was in force: business days {@code from} (inclusive)
 * to {@code until} (exclusive), {@code hours} clock hours in the business zone (23 or 25 on daylight-saving days).
 */
public record CommitmentSpan(Commitment commitment, LocalDate from, LocalDate until, long hours) {

    public long days() {
        return until.toEpochDay() - from.toEpochDay();
    }
}
