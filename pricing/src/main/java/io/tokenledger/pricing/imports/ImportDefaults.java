package io.tokenledger.pricing.imports;

import java.time.LocalDate;

/** What an import fills in where a file leaves it out: the day versions start and the currency. */
public record ImportDefaults(LocalDate effectiveFrom, String currency) {}
