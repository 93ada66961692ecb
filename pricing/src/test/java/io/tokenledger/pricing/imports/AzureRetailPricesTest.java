package io.tokenledger.pricing.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AzureRetailPricesTest {

    private static final ImportDefaults FILE_DATES = new ImportDefaults(null, "USD");

    @Test
    void globalStandardTokenMetersOfASavedResponseBecomeOneCardPerModel() throws IOException {
        ImportPreview preview = AzureRetailPrices.read(sample(), FILE_DATES);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.cards())
                .extracting(line -> line.card().matchKind(), line -> line.card().pattern(), line -> line.line())
                .containsExactly(
                        tuple(MatchKind.MODEL_REGEX, "gpt-4o-\\d{4}-08-06", 1),
                        tuple(MatchKind.MODEL_REGEX, "gpt-4o-mini-\\d{4}-07-18", 8),
                        tuple(MatchKind.MODEL_PREFIX, "gpt-4.1", 11),
                        tuple(MatchKind.MODEL_PREFIX, "o3-mini", 14));
        NewRateCard gpt4o = preview.cards().getFirst().card();
        assertThat(gpt4o.prices().prompt()).isEqualByComparingTo("2.5");
        assertThat(gpt4o.prices().cachedPrompt()).isEqualByComparingTo("1.25");
        assertThat(gpt4o.prices().completion()).isEqualByComparingTo("10");
        assertThat(gpt4o.prices().reasoning()).isEqualByComparingTo("10");
        assertThat(gpt4o.currency()).isEqualTo("USD");
        // the latest effectiveStartDate of its meters: the cached meter's
        assertThat(gpt4o.effectiveFrom()).isEqualTo(LocalDate.parse("2024-10-01"));
        assertThat(Pattern.compile(gpt4o.pattern()).matcher("gpt-4o-2024-08-06").matches())
                .isTrue();
        assertThat(Pattern.compile(gpt4o.pattern()).matcher("gpt-4o-2024-05-13").matches())
                .isFalse();
        NewRateCard mini = preview.cards().get(1).card();
        assertThat(mini.prices().prompt()).isEqualByComparingTo("0.15");
        assertThat(mini.prices().cachedPrompt()).isEqualByComparingTo("0.075");
        assertThat(mini.prices().completion()).isEqualByComparingTo("0.6");
        NewRateCard gpt41 = preview.cards().get(2).card();
        assertThat(gpt41.prices().cachedPrompt()).isEqualByComparingTo("0.5");
        assertThat(gpt41.prices().completion()).isEqualByComparingTo("8");
        ImportPreview.Line o3 = preview.cards().get(3);
        assertThat(o3.card().prices().cachedPrompt()).isEqualByComparingTo("1.1");
        assertThat(o3.notes()).singleElement().asString().contains("no cached-input meter");
    }

    @Test
    void everyItemThatIsNoGlobalPayAsYouGoTokenPriceIsSkippedWithItsReason() throws IOException {
        ImportPreview preview = AzureRetailPrices.read(sample(), FILE_DATES);

        assertThat(preview.skipped())
                .extracting(ImportPreview.Skipped::line)
                .containsExactly(4, 5, 6, 7, 16, 17, 18, 19, 20);
        assertThat(preview.skipped().get(0).reason()).contains("regnl meter");
        assertThat(preview.skipped().get(2).reason()).contains("dzone meter");
        assertThat(preview.skipped().get(3).reason()).contains("batch meter");
        assertThat(preview.skipped().get(4).reason()).contains("audio");
        assertThat(preview.skipped().get(6).reason()).contains("not a token meter");
        assertThat(preview.skipped().get(7).reason()).contains("type Reservation");
        assertThat(preview.skipped().get(8).reason()).contains("names no input");
    }

    @Test
    void meterNamesWithSpacesOrHyphensGiveModelBucketAndType() {
        assertThat(RetailMeter.parse("gpt-4o-0806 cached Inp glbl Tokens").meter())
                .contains(new RetailMeter("gpt-4o-0806", RetailMeter.Bucket.CACHED_PROMPT, "glbl"));
        assertThat(RetailMeter.parse("GPT-4o-mini-0718-Outp-regnl Tokens").meter())
                .contains(new RetailMeter("gpt-4o-mini-0718", RetailMeter.Bucket.COMPLETION, "regnl"));
        assertThat(RetailMeter.parse("gpt 4o 0513 Input Tokens").meter())
                .contains(new RetailMeter("gpt-4o-0513", RetailMeter.Bucket.PROMPT, "regnl"));
        assertThat(RetailMeter.parse("o1 cchd Inp DZone Tokens").meter())
                .contains(new RetailMeter("o1", RetailMeter.Bucket.CACHED_PROMPT, "dzone"));
    }

    @Test
    void badItemsAreReportedWithTheirIndexAndFieldAndNoCardIsLeftHalfMade() {
        ImportPreview preview = AzureRetailPrices.read("""
                {"Items":[
                 {"meterName":"gpt-4o-0806 Inp glbl Tokens","unitOfMeasure":"1K","retailPrice":0.0025,
                  "currencyCode":"USD","effectiveStartDate":"2024-08-01T00:00:00Z","type":"Consumption"},
                 {"meterName":"gpt-4o-0806 Outp glbl Tokens","unitOfMeasure":"1K","retailPrice":"ten",
                  "currencyCode":"USD","effectiveStartDate":"2024-08-01T00:00:00Z","type":"Consumption"},
                 {"meterName":"o3-mini Outp glbl Tokens","unitOfMeasure":"1M","retailPrice":4.4,
                  "currencyCode":"USD","effectiveStartDate":"2025-01-31","type":"Consumption"},
                 {"meterName":"o3-mini Inp glbl Tokens","unitOfMeasure":"1M","retailPrice":1.1,
                  "currencyCode":"USD","effectiveStartDate":"someday","type":"Consumption"},
                 {"unitOfMeasure":"1M","retailPrice":1.1}
                ]}
                """, FILE_DATES);

        assertThat(preview.errors())
                .extracting(ImportPreview.LineError::line, ImportPreview.LineError::field)
                .containsExactlyInAnyOrder(
                        tuple(2, "retailPrice"),
                        tuple(4, "effectiveStartDate"),
                        tuple(5, "meterName"),
                        tuple(1, "meterName"),
                        tuple(3, "meterName"));
        assertThat(preview.cards()).isEmpty();
    }

    @Test
    void aGivenEffectiveFromWinsAndAFileThatIsNoResponseIsOneError() {
        ImportPreview dated = AzureRetailPrices.read("""
                {"Items":[
                 {"meterName":"o3-mini Inp glbl Tokens","unitOfMeasure":"1M","retailPrice":1.1,"currencyCode":"EUR"},
                 {"meterName":"o3-mini Outp glbl Tokens","unitOfMeasure":"1M","retailPrice":4.4,"currencyCode":"EUR"}
                ]}""", new ImportDefaults(LocalDate.parse("2026-11-01"), "USD"));
        ImportPreview notAResponse = AzureRetailPrices.read("[1,2]", FILE_DATES);

        assertThat(dated.cards()).singleElement().satisfies(line -> {
            assertThat(line.card().effectiveFrom()).isEqualTo(LocalDate.parse("2026-11-01"));
            assertThat(line.card().currency()).isEqualTo("EUR");
        });
        assertThat(notAResponse.errors())
                .extracting(ImportPreview.LineError::field)
                .containsExactly("Items");
        assertThat(List.of(ImportFormat.fromParameter("azure-retail")))
                .containsExactly(java.util.Optional.of(ImportFormat.AZURE_RETAIL));
    }

    private static String sample() throws IOException {
        try (InputStream in =
                AzureRetailPricesTest.class.getResourceAsStream("/pricing/azure-retail-prices-openai.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
