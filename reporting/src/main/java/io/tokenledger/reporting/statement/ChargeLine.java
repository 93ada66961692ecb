package io.tokenledger.reporting.statement;

import java.math.BigDecimal;

/** An {@link ExtraCharge} on a statement, with its presented amount (apportioned within its tenant's cost). */
public record ChargeLine(ExtraCharge charge, BigDecimal cost) {}
