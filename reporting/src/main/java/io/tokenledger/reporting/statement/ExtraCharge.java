package io.tokenledger.reporting.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A charge that is not metered usage: a share of provisioned capacity, or an adjustment (re-pricing of a closed
 * period, a late event, a credit). Supplied by {@link StatementExtras}.
 *
 * @param day the business day it is booked on
 * @param amount exact; negative for a credit
 */
public record ExtraCharge(String tenantKey, Kind kind, LocalDate day, String description, BigDecimal amount) {

    /** What kind of charge. */
    public enum Kind {
        ALLOCATION("Allocation"),
        ADJUSTMENT("Adjustment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ExtraCharge {
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
    }
}
