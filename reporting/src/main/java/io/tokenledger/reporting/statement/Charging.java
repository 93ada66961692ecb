package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a tenant is charged for its cost in a period: the cost × {@code factor} (1 at cost, 1.1 for a 10 % markup, 0.8
 * for a 20 % discount, 0 when free). Supplied by {@link StatementExtras#charging}.
 *
 * @param model how a statement names it, e.g. "markup 10 % (cost center CC-100)"
 */
public record Charging(String model, BigDecimal factor) {

    /** The default: what it cost. */
    public static final Charging AT_COST = new Charging("at cost", BigDecimal.ONE);

    public Charging {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(factor, "factor");
    }

    BigDecimal apply(BigDecimal cost) {
        return factor.compareTo(BigDecimal.ONE) == 0 ? cost : cost.multiply(factor);
    }
}
