package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private static final RateCard GPT4O_OCT = card(1, "gpt-4o", "2026-10-01");
    private static final RateCard GPT4O_NOV = card(2, "gpt-4o", "2026-11-01");
    private static final RateCard MINI_NOV = card(3, "gpt-4o-mini", "2026-11-15");

    // given out of order on purpose: the book must not depend on the order of the query result
    private final PriceBook book = new PriceBook(List.of(GPT4O_NOV, MINI_NOV, GPT4O_OCT));

    @Test
    void versionInForceIsTheLatestThatStartedOnOrBeforeTheDay() {
        assertThat(book.inForce("gpt-4o", day("2026-10-20"))).contains(GPT4O_OCT);
        assertThat(book.inForce("gpt-4o", day("2026-12-31"))).contains(GPT4O_NOV);
    }

    @Test
    void versionIsInForceFromItsEffectiveDayItself() {
        assertThat(book.inForce("gpt-4o", day("2026-10-31"))).contains(GPT4O_OCT);
        assertThat(book.inForce("gpt-4o", day("2026-11-01"))).contains(GPT4O_NOV);
        assertThat(book.inForce("gpt-4o", day("2026-10-01"))).contains(GPT4O_OCT);
    }

    @Test
    void beforeTheFirstVersionNothingIsInForce() {
        assertThat(book.inForce("gpt-4o", day("2026-09-30"))).isEmpty();
        assertThat(book.inForce("gpt-4o-mini", day("2026-11-14"))).isEmpty();
        assertThat(book.inForce("gpt-4o-mini", day("2026-11-15"))).contains(MINI_NOV);
    }

    @Test
    void deploymentWithoutVersionsIsUnpriced() {
        assertThat(book.inForce("o3-preview", day("2026-11-03"))).isEmpty();
        assertThat(new PriceBook(List.of()).inForce("gpt-4o", day("2026-11-03")))
                .isEmpty();
    }

    @Test
    void deploymentNamesAreMatchedExactly() {
        assertThat(book.inForce("GPT-4o", day("2026-11-03"))).isEmpty();
        assertThat(book.inForce("gpt-4o-mini", day("2026-11-03"))).isEmpty();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static RateCard card(long id, String deployment, String effectiveFrom) {
        BigDecimal price = BigDecimal.valueOf(id);
        return new RateCard(
                id,
                deployment,
                "USD",
                LocalDate.parse(effectiveFrom),
                new Prices(price, price, price, price),
                Instant.parse("2026-09-01T00:00:00Z"),
                "test");
    }
}
