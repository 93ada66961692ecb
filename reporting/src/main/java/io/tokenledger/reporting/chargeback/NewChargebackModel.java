package io.tokenledger.reporting.chargeback;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A request to publish a chargeback model version; {@code percent} may be null for at cost and free. */
public record NewChargebackModel(
        ChargebackModel.Scope scope,
        String subject,
        YearMonth effectiveFrom,
        ChargebackKind kind,
        BigDecimal percent,
        String reason) {}
