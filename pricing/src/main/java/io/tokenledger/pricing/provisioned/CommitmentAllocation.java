package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * How one deployment's commitment cost of a billing period is shared: {@code cost} is the period's exact cost rounded
 * half up to the currency's minor unit, and the lines' amounts add up to it exactly.
 *
 * @param exactCost before rounding (to 34 significant digits when a monthly price is prorated)
 */
public record CommitmentAllocation(
        YearMonth period,
        String deployment,
        String currency,
        BigDecimal exactCost,
        BigDecimal cost,
        List<CommitmentSpan> spans,
        List<Line> lines) {

    public CommitmentAllocation {
        spans = List.copyOf(spans);
        lines = List.copyOf(lines);
    }

    /** What a line is a share of. */
    public enum Share {
        /** The tenant's share of the used capacity, by tokens. */
        USAGE("usage share"),
        /** An even share among the tenants that used the deployment. */
        EVEN("even share"),
        /** All of it, to the owner. */
        OWNER("owner"),
        /** Capacity nobody used, to the owner or the shared pool. */
        IDLE("idle capacity");

        private final String label;

        Share(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param exactShare the line's exact share of {@code cost} (to 50 significant digits)
     * @param amount {@code exactShare} by the largest remainder; less than one minor unit away from it
     * @param tokens the tenant's tokens on the deployment in the period (0 for idle lines)
     */
    public record Line(String tenant, Share share, BigDecimal exactShare, BigDecimal amount, long tokens) {}
}
