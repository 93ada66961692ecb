package io.tokenledger.reporting.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * An immutable chargeback model version of a tenant or a cost center, in force from billing period
 * {@code effectiveFrom} until the subject's next version.
 *
 * @param subject the tenant key or the cost center
 * @param percent the markup or discount in percent (0 for at cost and free)
 */
public record ChargebackModel(
        long id,
        Scope scope,
        String subject,
        YearMonth effectiveFrom,
        ChargebackKind kind,
        BigDecimal percent,
        String reason,
        Instant createdAt,
        String createdBy) {

    /** Who a model applies to; a tenant's own model wins over its cost center's. */
    public enum Scope {
        TENANT,
        COST_CENTER
    }

    /** What one unit of cost is charged as: exact ({@code 1 ± percent ÷ 100}, or 0 when free). */
    public BigDecimal factor() {
        return switch (kind) {
            case AT_COST -> BigDecimal.ONE;
            case MARKUP -> BigDecimal.ONE.add(percent.movePointLeft(2));
            case DISCOUNT -> BigDecimal.ONE.subtract(percent.movePointLeft(2));
            case FREE -> BigDecimal.ZERO;
        };
    }

    /** "markup 10 %", "discount 2.5 %", "free", "at cost". */
    public String describe() {
        String percentText = percent.stripTrailingZeros().toPlainString() + " %";
        return switch (kind) {
            case AT_COST -> "at cost";
            case MARKUP -> "markup " + percentText;
            case DISCOUNT -> "discount " + percentText;
            case FREE -> "free (shown, not charged)";
        };
    }

    /** "markup 10 % (cost center CC-100)" for a cost center's model, else {@link #describe()}. */
    public String describeFor() {
        return scope == Scope.COST_CENTER ? describe() + " (cost center " + subject + ")" : describe();
    }
}
