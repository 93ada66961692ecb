package io.tokenledger.pricing.provisioned;

import static io.tokenledger.pricing.provisioned.CommitmentFixture.NOVEMBER;
import static io.tokenledger.pricing.provisioned.CommitmentFixture.allocate;
import static io.tokenledger.pricing.provisioned.CommitmentFixture.hourly;
import static io.tokenledger.pricing.provisioned.CommitmentFixture.monthly;
import static io.tokenledger.pricing.provisioned.CommitmentFixture.wholeMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.provisioned.CommitmentAllocation.Line;
import io.tokenledger.pricing.provisioned.CommitmentAllocation.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityAllocationTest {

    @Test
    void hourlyCommitmentOfAFullMonthCostsPriceTimesHoursSharedByTokens() {
        CommitmentAllocation allocation = allocate(wholeMonth(
                hourly("2.50", "USD", AllocationRule.USAGE_SHARE, null), Map.of("acme", 300L, "beta", 100L)));

        assertThat(allocation.cost()).isEqualByComparingTo("1800.00");
        assertThat(allocation.lines())
                .extracting(Line::tenant, Line::share, Line::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", Share.USAGE, new BigDecimal("1350.00")),
                        org.assertj.core.groups.Tuple.tuple("beta", Share.USAGE, new BigDecimal("450.00")));
    }

    @Test
    void monthlyCommitmentIsProratedByDaysInForceAndRoundedHalfUpOnce() {
        Commitment commitment = monthly("1000.00", "EUR", AllocationRule.EVEN);
        CommitmentSpan tenDays = new CommitmentSpan(
                commitment, LocalDate.of(2026, 11, 21), NOVEMBER.plusMonths(1).atDay(1), 240);

        CommitmentAllocation allocation =
                allocate(new CapacityAllocation.SpanUsage(tenDays, Map.of("a", 1L, "b", 5L, "c", 9L)));

        assertThat(allocation.cost()).isEqualByComparingTo("333.33");
        assertThat(allocation.lines()).extracting(Line::share).containsOnly(Share.EVEN);
        assertThat(allocation.lines())
                .extracting(Line::amount)
                .containsExactly(new BigDecimal("111.11"), new BigDecimal("111.11"), new BigDecimal("111.11"));
    }

    @Test
    void unusedCapacityAgainstTheStatedBasisIsItsOwnIdleLine() {
        // capacity 1,000 tokens per hour over 720 hours = 720,000; 180,000 used: 75 % idle
        CommitmentAllocation allocation = allocate(wholeMonth(
                hourly("1.00", "USD", AllocationRule.USAGE_SHARE, 1_000L), Map.of("acme", 120_000L, "beta", 60_000L)));

        assertThat(allocation.lines())
                .extracting(Line::tenant, Line::share, Line::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("shared-pool", Share.IDLE, new BigDecimal("540.00")),
                        org.assertj.core.groups.Tuple.tuple("acme", Share.USAGE, new BigDecimal("120.00")),
                        org.assertj.core.groups.Tuple.tuple("beta", Share.USAGE, new BigDecimal("60.00")));
    }

    @Test
    void usageAboveTheBasisLeavesNoIdleLine() {
        CommitmentAllocation allocation =
                allocate(wholeMonth(hourly("1.00", "USD", AllocationRule.USAGE_SHARE, 1L), Map.of("acme", 10_000L)));

        assertThat(allocation.lines()).extracting(Line::share).containsExactly(Share.USAGE);
        assertThat(allocation.lines().getFirst().amount()).isEqualByComparingTo("720.00");
    }

    @Test
    void aMonthWithoutUsageIsIdleAndGoesToTheOwnerWhenConfigured() {
        Commitment commitment = CommitmentFixture.commitment(
                Billing.MONTHLY, "500", "USD", AllocationRule.USAGE_SHARE, IdleAssignee.OWNER, null);

        CommitmentAllocation allocation = allocate(wholeMonth(commitment, Map.of()));

        assertThat(allocation.lines())
                .extracting(Line::tenant, Line::share, Line::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("platform", Share.IDLE, new BigDecimal("500.00")));
    }

    @Test
    void ownerRuleChargesEverythingToTheOwnerWhateverTheUsage() {
        CommitmentAllocation allocation =
                allocate(wholeMonth(monthly("999.99", "USD", AllocationRule.OWNER), Map.of("acme", 5L, "beta", 7L)));

        assertThat(allocation.lines())
                .extracting(Line::tenant, Line::share, Line::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("platform", Share.OWNER, new BigDecimal("999.99")));
    }

    @Test
    void yenHasNoMinorUnit() {
        CommitmentAllocation allocation =
                allocate(wholeMonth(monthly("100000", "JPY", AllocationRule.EVEN), Map.of("a", 1L, "b", 1L, "c", 1L)));

        assertThat(allocation.lines())
                .extracting(Line::amount)
                .containsExactly(new BigDecimal("33334"), new BigDecimal("33333"), new BigDecimal("33333"));
    }

    @Test
    void twoVersionsInOneMonthAddTheirCostsAndShareEachByItsOwnRule() {
        Commitment first = hourly("1.00", "USD", AllocationRule.OWNER, null);
        Commitment second = hourly("2.00", "USD", AllocationRule.USAGE_SHARE, null);
        CapacityAllocation.SpanUsage firstHalf = new CapacityAllocation.SpanUsage(
                new CommitmentSpan(first, NOVEMBER.atDay(1), NOVEMBER.atDay(16), 360), Map.of("acme", 10L));
        CapacityAllocation.SpanUsage secondHalf = new CapacityAllocation.SpanUsage(
                new CommitmentSpan(
                        second, NOVEMBER.atDay(16), NOVEMBER.plusMonths(1).atDay(1), 360),
                Map.of("acme", 1L, "beta", 1L));

        CommitmentAllocation allocation = allocate(firstHalf, secondHalf);

        assertThat(allocation.cost()).isEqualByComparingTo("1080.00");
        assertThat(allocation.lines())
                .extracting(Line::tenant, Line::share, Line::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("platform", Share.OWNER, new BigDecimal("360.00")),
                        org.assertj.core.groups.Tuple.tuple("acme", Share.USAGE, new BigDecimal("360.00")),
                        org.assertj.core.groups.Tuple.tuple("beta", Share.USAGE, new BigDecimal("360.00")));
        assertThat(allocation.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(allocation.cost());
        assertThat(List.of(allocation.spans().size())).containsExactly(2);
    }
}
