package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Commitment versions and spans for allocation tests. */
final class CommitmentFixture {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private CommitmentFixture() {}

    static Commitment hourly(String amount, String currency, AllocationRule rule, Long capacity) {
        return commitment(Billing.HOURLY, amount, currency, rule, IdleAssignee.POOL, capacity);
    }

    static Commitment monthly(String amount, String currency, AllocationRule rule) {
        return commitment(Billing.MONTHLY, amount, currency, rule, IdleAssignee.POOL, null);
    }

    static Commitment commitment(
            Billing billing, String amount, String currency, AllocationRule rule, IdleAssignee idleTo, Long capacity) {
        return new Commitment(
                1,
                "ptu-gpt-4o",
                LocalDate.of(2026, 1, 1),
                billing,
                new BigDecimal(amount),
                currency,
                rule,
                "platform",
                idleTo,
                capacity,
                10L,
                "test",
                Instant.EPOCH,
                "admin");
    }

    /** The whole of November (30 days, 720 hours in UTC). */
    static CapacityAllocation.SpanUsage wholeMonth(Commitment commitment, Map<String, Long> tokens) {
        return new CapacityAllocation.SpanUsage(
                new CommitmentSpan(
                        commitment, NOVEMBER.atDay(1), NOVEMBER.plusMonths(1).atDay(1), 720),
                tokens);
    }

    static CommitmentAllocation allocate(CapacityAllocation.SpanUsage... spans) {
        return CapacityAllocation.allocate(NOVEMBER, List.of(spans), "shared-pool");
    }
}
