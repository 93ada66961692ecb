package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.RejectedException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalBoundsTest {

    @Test
    void twelveDigitsBeforeThePointAndTwentyAfterAreAccepted() {
        assertThat(DecimalBounds.check("p", new BigDecimal("999999999999.99999999999999999999")))
                .isEqualByComparingTo("999999999999.99999999999999999999");
        assertThat(DecimalBounds.check("p", new BigDecimal("0.00000000000000000001")))
                .isEqualByComparingTo("1E-20");
        assertThat(DecimalBounds.check("p", new BigDecimal("0.1234567890123456789")))
                .hasToString("0.1234567890123456789");
        assertThat(DecimalBounds.check("p", new BigDecimal("1.50"))).hasToString("1.50");
    }

    @Test
    void moreDigitsAreRefusedNamingTheField() {
        for (String value : new String[] {
            "1e1000000", "1000000000000", "1e12", "1e-1000000", "0.000000000000000000001", "1.000000000000000000001"
        }) {
            assertThatThrownBy(() -> DecimalBounds.check("promptPer1M", new BigDecimal(value)))
                    .as(value)
                    .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                        assertThat(rejected.reason()).isEqualTo(RejectedException.Reason.INVALID);
                        assertThat(rejected.field()).isEqualTo("promptPer1M");
                        assertThat(rejected.getMessage()).startsWith("promptPer1M must ");
                    });
        }
        assertThatThrownBy(() -> DecimalBounds.check("rate", new BigDecimal("1e1000000")))
                .hasMessage("rate must be below 1000000000000 (at most 12 digits before the decimal point), was"
                        + " 1E+1000000");
        assertThatThrownBy(() -> DecimalBounds.check("rate", new BigDecimal("1e-1000000")))
                .hasMessage("rate must have at most 20 digits after the decimal point, was 1E-1000000");
    }

    @Test
    void trailingZerosDoNotCountAndAreDroppedOnlyWhereTheyWouldNotFit() {
        assertThat(DecimalBounds.check("p", new BigDecimal("2.500000000000000000000000000000")))
                .hasToString("2.5");
        assertThat(DecimalBounds.check("p", new BigDecimal("1E+3"))).hasToString("1000");
        assertThat(DecimalBounds.check("p", new BigDecimal("0E-1000000"))).hasToString("0");
        assertThat(DecimalBounds.check("p", new BigDecimal("0E+1000000"))).hasToString("0");
        assertThat(DecimalBounds.check("p", new BigDecimal("0.00"))).hasToString("0.00");
    }

    @Test
    void aLongTextIsRefusedBeforeItIsReadAndAnAnswerNeverEchoesAHugeNumber() {
        String million = "1" + "0".repeat(1_000_000);

        assertThatThrownBy(() -> DecimalBounds.parse("amount", million))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("amount"))
                .hasMessage("amount must be a number of at most 12 digits before the decimal point and 20 after, was a"
                        + " text of 1000001 characters");
        assertThatThrownBy(() -> DecimalBounds.check("amount", new BigDecimal("1" + "0".repeat(99))))
                .hasMessageEndingWith("was a number of 100 significant digits");
        assertThatThrownBy(() -> DecimalBounds.parse("amount", "abc")).isInstanceOf(NumberFormatException.class);
        assertThat(DecimalBounds.parse("amount", " 12.5 ")).hasToString("12.5");
    }
}
