package io.tokenledger.reporting.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PresentationRoundingTest {

    @Test
    void threeThirdsOfADollarAddUpToTheDollar() {
        List<BigDecimal> lines = amounts("0.333333", "0.333333", "0.333334");

        List<BigDecimal> rounded = PresentationRounding.allocate(lines, new BigDecimal("1.00"), 2);

        assertThat(rounded).containsExactly(amounts("0.33", "0.33", "0.34").toArray(BigDecimal[]::new));
    }

    @Test
    void halfUpRoundingOfEachLineWouldMissTheTotalButApportioningDoesNot() {
        List<BigDecimal> lines = amounts("0.005", "0.005", "0.005");
        BigDecimal total = PresentationRounding.total(new BigDecimal("0.015"), 2);

        List<BigDecimal> rounded = PresentationRounding.allocate(lines, total, 2);

        assertThat(total).isEqualByComparingTo("0.02");
        assertThat(rounded).containsExactly(amounts("0.01", "0.01", "0.00").toArray(BigDecimal[]::new));
        assertThat(lines.stream()
                        .map(line -> line.setScale(2, RoundingMode.HALF_UP))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("each line half up would say 0.03")
                .isEqualByComparingTo("0.03");
    }

    @Test
    void aLineWithoutCostNeverGetsACent() {
        List<BigDecimal> rounded = PresentationRounding.allocate(
                amounts("0", "0.004", "0.004", "0"), PresentationRounding.total(new BigDecimal("0.008"), 2), 2);

        assertThat(rounded)
                .containsExactly(amounts("0.00", "0.01", "0.00", "0.00").toArray(BigDecimal[]::new));
    }

    @Test
    void creditsAreApportionedToo() {
        List<BigDecimal> rounded = PresentationRounding.allocate(
                amounts("10.004", "-2.507"), PresentationRounding.total(new BigDecimal("7.497"), 2), 2);

        assertThat(rounded.get(0).add(rounded.get(1))).isEqualByComparingTo("7.50");
        assertThat(rounded).containsExactly(amounts("10.01", "-2.51").toArray(BigDecimal[]::new));
    }

    @Test
    void yenHaveNoMinorUnit() {
        assertThat(PresentationRounding.minorUnits("JPY")).isZero();
        assertThat(PresentationRounding.minorUnits("USD")).isEqualTo(2);
        assertThat(PresentationRounding.allocate(amounts("1.5", "1.5"), new BigDecimal("3"), 0))
                .containsExactly(new BigDecimal("2"), new BigDecimal("1"));
    }

    @Test
    void manyRandomLinesAlwaysAddUpToTheRoundedTotalAndStayWithinACent() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<BigDecimal> lines = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                lines.add(BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), 9));
            }
            BigDecimal exact = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = PresentationRounding.total(exact, 2);

            List<BigDecimal> rounded = PresentationRounding.allocate(lines, total, 2);

            assertThat(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(total);
            for (int i = 0; i < size; i++) {
                assertThat(rounded.get(i).subtract(lines.get(i)).abs()).isLessThan(new BigDecimal("0.01"));
                assertThat(rounded.get(i).scale()).isEqualTo(2);
            }
        }
    }

    @Test
    void aTotalThatTheLinesCannotReachIsAnError() {
        assertThatThrownBy(() -> PresentationRounding.allocate(amounts("1.00", "2.00"), new BigDecimal("3.05"), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be apportioned");
    }

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
