package io.tokenledger.pricing.provisioned;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.provisioned.CommitmentAllocation.Line;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the allocation over many random usage vectors (seeded, so a failure repeats): the lines add up to
 * the period's cost exactly, and no line is a whole minor unit or more away from its exact share.
 */
class AllocationPropertyTest {

    private static final int RUNS = 2_000;
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "KWD", "CHF"};

    @Test
    void usageShareAllocationsSumExactlyAndStayWithinOneMinorUnitOfTheExactShare() {
        Random random = new Random(20261123L);
        for (int run = 0; run < RUNS; run++) {
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            BigDecimal unit = BigDecimal.ONE.movePointLeft(
                    java.util.Currency.getInstance(currency).getDefaultFractionDigits());
            Commitment commitment = random.nextBoolean()
                    ? CommitmentFixture.hourly(price(random, unit), currency, AllocationRule.USAGE_SHARE, null)
                    : CommitmentFixture.monthly(price(random, unit), currency, AllocationRule.USAGE_SHARE);
            Map<String, Long> tokens = randomUsage(random);

            CommitmentAllocation allocation =
                    CommitmentFixture.allocate(CommitmentFixture.wholeMonth(commitment, tokens));

            BigDecimal sum = allocation.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("run %d", run).isEqualByComparingTo(allocation.cost());
            long total = tokens.values().stream().mapToLong(Long::longValue).sum();
            for (Line line : allocation.lines()) {
                BigDecimal exact = total == 0
                        ? allocation.cost()
                        : allocation
                                .cost()
                                .multiply(BigDecimal.valueOf(tokens.get(line.tenant())))
                                .divide(BigDecimal.valueOf(total), new MathContext(60, RoundingMode.HALF_EVEN));
                assertThat(line.amount().subtract(exact).abs())
                        .as("run %d, %s", run, line)
                        .isLessThan(unit);
                assertThat(line.amount().scale()).isEqualTo(unit.scale());
            }
        }
    }

    @Test
    void everyRuleAndCapacitySumsExactlyAcrossVersionsInAMonth() {
        Random random = new Random(42L);
        AllocationRule[] rules = AllocationRule.values();
        for (int run = 0; run < RUNS; run++) {
            List<CapacityAllocation.SpanUsage> spans = new ArrayList<>();
            int day = 1;
            while (day <= 30) {
                int until = Math.min(31, day + 1 + random.nextInt(30));
                Long capacity = random.nextBoolean() ? null : (long) (1 + random.nextInt(5_000));
                Commitment commitment = CommitmentFixture.commitment(
                        random.nextBoolean() ? Billing.HOURLY : Billing.MONTHLY,
                        price(random, new BigDecimal("0.01")),
                        "EUR",
                        rules[random.nextInt(rules.length)],
                        random.nextBoolean() ? IdleAssignee.OWNER : IdleAssignee.POOL,
                        capacity);
                spans.add(new CapacityAllocation.SpanUsage(
                        new CommitmentSpan(
                                commitment,
                                CommitmentFixture.NOVEMBER.atDay(day),
                                until == 31
                                        ? CommitmentFixture.NOVEMBER
                                                .plusMonths(1)
                                                .atDay(1)
                                        : CommitmentFixture.NOVEMBER.atDay(until),
                                24L * (until - day)),
                        randomUsage(random)));
                day = until;
            }

            CommitmentAllocation allocation = CapacityAllocation.allocate(CommitmentFixture.NOVEMBER, spans, "pool");

            BigDecimal sum = allocation.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("run %d", run).isEqualByComparingTo(allocation.cost());
            assertThat(allocation.cost().subtract(allocation.exactCost()).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.005"));
            for (Line line : allocation.lines()) {
                assertThat(line.amount().subtract(line.exactShare()).abs())
                        .as("run %d, %s", run, line)
                        .isLessThan(new BigDecimal("0.01"));
            }
        }
    }

    @Test
    void largestRemainderGivesTheMissingUnitsToTheLargestRemaindersAndTiesToTheEarlierPart() {
        assertThat(LargestRemainder.apportion(
                        new BigDecimal("0.02"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), 2))
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.00"));
        assertThat(LargestRemainder.apportion(
                        new BigDecimal("10.00"), List.of(new BigDecimal("1"), new BigDecimal("2")), 2))
                .containsExactly(new BigDecimal("3.33"), new BigDecimal("6.67"));
    }

    private static String price(Random random, BigDecimal unit) {
        return BigDecimal.valueOf(random.nextInt(5_000_000))
                .multiply(unit)
                .max(unit)
                .toPlainString();
    }

    private static Map<String, Long> randomUsage(Random random) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        int tenants = random.nextInt(40);
        for (int i = 0; i < tenants; i++) {
            long used = switch (random.nextInt(4)) {
                case 0 -> 0L;
                case 1 -> 1L + random.nextInt(10);
                case 2 -> Math.abs(random.nextLong() % 1_000_000_000_000L);
                default -> 1L + random.nextInt(1_000_000);
            };
            tokens.put("tenant-" + i, used);
        }
        return tokens;
    }
}
