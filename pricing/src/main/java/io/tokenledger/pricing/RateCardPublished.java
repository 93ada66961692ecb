package io.tokenledger.pricing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Announced, inside the publishing transaction, when a version is published: usage of its deployment from
 * {@code card.effectiveFrom()} up to {@code until} (exclusive; empty = open-ended) is now priced by it.
 */
public record RateCardPublished(RateCard card, Optional<LocalDate> until) {}
