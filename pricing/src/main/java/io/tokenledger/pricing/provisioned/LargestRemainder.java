package io.tokenledger.pricing.provisioned;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount that is already at the currency's minor unit into parts proportional to weights, so that the
 * parts add up to it exactly: each part is its exact share rounded down, and the minor units still missing go, one
 * each, to the parts with the largest remainders (ties to the earlier part). Exact shares and remainders are
 * compared without division ({@code total × weight − part × Σweights}), so no precision is lost, and no part is a
 * whole minor unit or more away from its exact share.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    /**
     * @param total the amount to split, with at most {@code scale} decimals
     * @param weights non-negative; when they are all zero, the first part gets everything
     * @return one part per weight, in the same order
     */
    static List<BigDecimal> apportion(BigDecimal total, List<BigDecimal> weights, int scale) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to apportion " + total + " to");
        }
        BigDecimal amount = total.setScale(scale, RoundingMode.UNNECESSARY);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            sum = sum.add(weight);
        }
        List<BigDecimal> parts = new ArrayList<>(weights.size());
        if (sum.signum() == 0) {
            parts.add(amount);
            weights.stream().skip(1).forEach(weight -> parts.add(BigDecimal.ZERO.setScale(scale)));
            return parts;
        }
        List<BigDecimal> remainders = new ArrayList<>(weights.size());
        BigDecimal floors = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal numerator = amount.multiply(weight);
            BigDecimal floor = numerator.divide(sum, scale, RoundingMode.FLOOR);
            parts.add(floor);
            remainders.add(numerator.subtract(floor.multiply(sum)));
            floors = floors.add(floor);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int missing = amount.subtract(floors).divide(unit).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, weights.size())
                .boxed()
                .sorted(Comparator.comparing(remainders::get).reversed())
                .toList();
        for (int i = 0; i < missing; i++) {
            int part = byRemainder.get(i);
            parts.set(part, parts.get(part).add(unit));
        }
        return parts;
    }
}
