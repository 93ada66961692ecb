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

    @Test
    void deploymentCardWinsOverEveryModelCard() {
        PriceBook book = new PriceBook(List.of(
                card(1, MatchKind.MODEL_REGEX, "gpt-4o.*", "2026-01-01"),
                card(2, MatchKind.MODEL_PREFIX, "gpt-4o", "2026-01-01"),
                card(3, MatchKind.MODEL_EXACT, "gpt-4o-2024-08-06", "2026-01-01"),
                card(4, MatchKind.DEPLOYMENT, "chat", "2026-01-01")));

        assertThat(book.inForce("chat", "gpt-4o-2024-08-06", day("2026-11-03")))
                .map(RateCard::id)
                .contains(4L);
    }

    @Test
    void regexCardLosesToExactModelCard() {
        PriceBook book = new PriceBook(List.of(
                card(1, MatchKind.MODEL_REGEX, "gpt-4o.*", "2026-01-01"),
                card(3, MatchKind.MODEL_EXACT, "gpt-4o-2024-08-06", "2026-01-01")));

        assertThat(book.inForce("chat", "gpt-4o-2024-08-06", day("2026-11-03")))
                .map(RateCard::id)
                .contains(3L);
        assertThat(book.inForce("chat", "gpt-4o-mini", day("2026-11-03")))
                .map(RateCard::id)
                .contains(1L);
    }

    @Test
    void longestPrefixWinsAndBeatsRegex() {
        PriceBook book = new PriceBook(List.of(
                card(1, MatchKind.MODEL_REGEX, "gpt-.*", "2026-01-01"),
                card(2, MatchKind.MODEL_PREFIX, "gpt-4o", "2026-01-01"),
                card(5, MatchKind.MODEL_PREFIX, "gpt-4o-mini", "2026-01-01")));

        assertThat(book.inForce("d", "gpt-4o-mini-2024-07-18", day("2026-11-03")))
                .map(RateCard::id)
                .contains(5L);
        assertThat(book.inForce("d", "gpt-4o-2024-08-06", day("2026-11-03")))
                .map(RateCard::id)
                .contains(2L);
        assertThat(book.inForce("d", "gpt-35-turbo", day("2026-11-03")))
                .map(RateCard::id)
                .contains(1L);
    }

    @Test
    void modelCardPricesUntilTheDeploymentCardTakesEffect() {
        PriceBook book = new PriceBook(List.of(
                card(1, MatchKind.MODEL_EXACT, "gpt-4o", "2026-01-01"),
                card(2, MatchKind.DEPLOYMENT, "chat", "2026-11-01")));

        assertThat(book.inForce("chat", "gpt-4o", day("2026-10-31")))
                .map(RateCard::id)
                .contains(1L);
        assertThat(book.inForce("chat", "gpt-4o", day("2026-11-01")))
                .map(RateCard::id)
                .contains(2L);
    }

    @Test
    void usageWithoutModelIsPricedOnlyByDeploymentCards() {
        PriceBook book = new PriceBook(List.of(card(1, MatchKind.MODEL_REGEX, ".*", "2026-01-01")));

        assertThat(book.inForce("chat", null, day("2026-11-03"))).isEmpty();
        assertThat(book.inForce("chat", "anything", day("2026-11-03")))
                .map(RateCard::id)
                .contains(1L);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static RateCard card(long id, String deployment, String effectiveFrom) {
        return card(id, MatchKind.DEPLOYMENT, deployment, effectiveFrom);
    }

    private static RateCard card(long id, MatchKind kind, String pattern, String effectiveFrom) {
        BigDecimal price = BigDecimal.valueOf(id);
        return new RateCard(
                id,
                kind,
                pattern,
                "USD",
                LocalDate.parse(effectiveFrom),
                new Prices(price, price, price, price),
                null,
                Instant.parse("2026-09-01T00:00:00Z"),
                "test",
                null);
    }
}
