package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The allocation rule, as a pure function of the commitment versions in force in a period and the tokens each tenant
 * used on the deployment while each was in force.
 *
 * <ul>
 *   <li>The period's cost: Σ hourly price × hours in force + Σ monthly price × days in force ÷ days of the month,
 *       rounded half up once to the currency's minor unit (so a month fully in force costs exactly the monthly
 *       price).
 *   <li>Each version's cost is shared by its rule: {@link AllocationRule#USAGE_SHARE} by tokens (prompt, cached
 *       included, plus completion, reasoning included); {@link AllocationRule#EVEN} equally among tenants with
 *       tokens; {@link AllocationRule#OWNER} all to the owner.
 *   <li>Idle: with a stated capacity ({@code capacityTokensPerHour} × hours in force) under usage share, the unused
 *       fraction {@code 1 − used ÷ capacity} (never below 0) is idle; under any rule but owner, a version in force
 *       without any usage is idle as a whole. Idle goes to the owner or the shared pool, as its own line.
 *   <li>The rounded period cost is split over the lines by {@link LargestRemainder}, so they add up to it exactly.
 * </ul>
 */
public final class CapacityAllocation {

    private static final MathContext SHARES = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final MathContext DISPLAY = MathContext.DECIMAL128;

    private CapacityAllocation() {}

    /** The tokens each tenant used on the deployment while {@code span} was in force. */
    public record SpanUsage(CommitmentSpan span, Map<String, Long> tokensByTenant) {

        public SpanUsage {
            tokensByTenant = Map.copyOf(tokensByTenant);
        }
    }

    /**
     * @param spans the versions of one deployment in force in {@code period}, all in the same currency
     * @param poolTenant the tenant key of the shared pool
     */
    public static CommitmentAllocation allocate(YearMonth period, List<SpanUsage> spans, String poolTenant) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("no commitment in force in " + period);
        }
        Commitment first = spans.getFirst().span().commitment();
        String currency = first.currency();
        int scale = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        BigDecimal daysOfMonth = BigDecimal.valueOf(period.lengthOfMonth());
        BigDecimal hourly = BigDecimal.ZERO;
        BigDecimal monthlyDays = BigDecimal.ZERO;
        Map<Key, BigDecimal> weights = new LinkedHashMap<>();
        Map<String, Long> tokens = new TreeMap<>();
        for (SpanUsage usage : spans) {
            CommitmentSpan span = usage.span();
            Commitment commitment = span.commitment();
            if (!commitment.currency().equals(currency)) {
                throw new IllegalArgumentException("versions of " + first.deployment() + " in " + period
                        + " have different currencies; allocate each currency apart");
            }
            BigDecimal spanCost;
            if (commitment.billing() == Billing.HOURLY) {
                spanCost = commitment.amount().multiply(BigDecimal.valueOf(span.hours()));
                hourly = hourly.add(spanCost);
            } else if (commitment.billing() == Billing.MONTHLY) {
                BigDecimal numerator = commitment.amount().multiply(BigDecimal.valueOf(span.days()));
                monthlyDays = monthlyDays.add(numerator);
                spanCost = numerator.divide(daysOfMonth, SHARES);
            } else {
                continue;
            }
            usage.tokensByTenant().forEach((tenant, used) -> {
                if (used > 0) {
                    tokens.merge(tenant, used, Long::sum);
                }
            });
            share(commitment, span, spanCost, usage.tokensByTenant(), poolTenant, weights);
        }
        BigDecimal exact = hourly.add(monthlyDays.divide(daysOfMonth, DISPLAY));
        BigDecimal cost =
                hourly.multiply(daysOfMonth).add(monthlyDays).divide(daysOfMonth, scale, RoundingMode.HALF_UP);
        List<Key> keys = new ArrayList<>(weights.keySet());
        if (keys.isEmpty()) {
            keys.add(new Key(poolTenant, CommitmentAllocation.Share.IDLE));
            weights.put(keys.getFirst(), BigDecimal.ZERO);
        }
        List<BigDecimal> weightList = keys.stream().map(weights::get).toList();
        List<BigDecimal> amounts = LargestRemainder.apportion(cost, weightList, scale);
        BigDecimal sum = weightList.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CommitmentAllocation.Line> lines = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            BigDecimal exactShare = sum.signum() == 0
                    ? (i == 0 ? cost : BigDecimal.ZERO)
                    : cost.multiply(weightList.get(i)).divide(sum, SHARES);
            lines.add(new CommitmentAllocation.Line(
                    key.tenant(),
                    key.share(),
                    exactShare,
                    amounts.get(i),
                    key.share() == CommitmentAllocation.Share.IDLE ? 0 : tokens.getOrDefault(key.tenant(), 0L)));
        }
        return new CommitmentAllocation(
                period,
                first.deployment(),
                currency,
                exact,
                cost,
                spans.stream().map(SpanUsage::span).toList(),
                lines);
    }

    private static void share(
            Commitment commitment,
            CommitmentSpan span,
            BigDecimal spanCost,
            Map<String, Long> tokensByTenant,
            String poolTenant,
            Map<Key, BigDecimal> weights) {
        Map<String, Long> users = new TreeMap<>();
        tokensByTenant.forEach((tenant, used) -> {
            if (used > 0) {
                users.put(tenant, used);
            }
        });
        long used = users.values().stream().mapToLong(Long::longValue).sum();
        String idleTenant = commitment.idleTo() == IdleAssignee.OWNER ? commitment.ownerTenant() : poolTenant;
        if (commitment.rule() == AllocationRule.OWNER) {
            weights.merge(
                    new Key(commitment.ownerTenant(), CommitmentAllocation.Share.OWNER), spanCost, BigDecimal::add);
            return;
        }
        if (used == 0) {
            weights.merge(new Key(idleTenant, CommitmentAllocation.Share.IDLE), spanCost, BigDecimal::add);
            return;
        }
        if (commitment.rule() == AllocationRule.EVEN) {
            BigDecimal each = spanCost.divide(BigDecimal.valueOf(users.size()), SHARES);
            users.keySet()
                    .forEach(tenant ->
                            weights.merge(new Key(tenant, CommitmentAllocation.Share.EVEN), each, BigDecimal::add));
            return;
        }
        BigDecimal basis = BigDecimal.valueOf(used);
        if (commitment.capacityTokensPerHour() != null) {
            BigDecimal capacity =
                    BigDecimal.valueOf(commitment.capacityTokensPerHour()).multiply(BigDecimal.valueOf(span.hours()));
            if (capacity.compareTo(basis) > 0) {
                BigDecimal idle = spanCost.multiply(capacity.subtract(basis)).divide(capacity, SHARES);
                weights.merge(new Key(idleTenant, CommitmentAllocation.Share.IDLE), idle, BigDecimal::add);
                basis = capacity;
            }
        }
        BigDecimal denominator = basis;
        users.forEach((tenant, tokens) -> weights.merge(
                new Key(tenant, CommitmentAllocation.Share.USAGE),
                spanCost.multiply(BigDecimal.valueOf(tokens)).divide(denominator, SHARES),
                BigDecimal::add));
    }

    private record Key(String tenant, CommitmentAllocation.Share share) {}
}
