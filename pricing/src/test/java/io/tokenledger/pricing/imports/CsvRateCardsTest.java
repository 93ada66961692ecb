package io.tokenledger.pricing.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvRateCardsTest {

    private static final ImportDefaults DEFAULTS = new ImportDefaults(LocalDate.parse("2026-11-01"), "USD");

    @Test
    void rowsBecomeCardsWithExactPricesAndDefaults() {
        ImportPreview preview = CsvRateCards.read("""
                # comment lines are skipped
                kind,pattern,promptPer1M,cachedPromptPer1M,completionPer1M,longContextAbove,longPromptPer1M,longCachedPromptPer1M,longCompletionPer1M
                deployment,chat,0.15,0.075,0.60,,,,
                model-prefix,gpt-4.1,2.00,0.50,8.00,200000,4.00,1.00,16.00
                """, DEFAULTS);

        assertThat(preview.errors()).isEmpty();
        NewRateCard chat = preview.cards().get(0).card();
        assertThat(chat.matchKind()).isEqualTo(MatchKind.DEPLOYMENT);
        assertThat(chat.effectiveFrom()).isEqualTo(DEFAULTS.effectiveFrom());
        assertThat(chat.currency()).isEqualTo("USD");
        assertThat(chat.prices().cachedPrompt()).isEqualByComparingTo("0.075");
        assertThat(chat.prices().reasoning()).isEqualByComparingTo("0.60");
        NewRateCard tiered = preview.cards().get(1).card();
        assertThat(tiered.longContext().promptTokensAbove()).isEqualTo(200_000);
        assertThat(tiered.longContext().prices().reasoning()).isEqualByComparingTo("16.00");
        assertThat(preview.cards().get(1).line()).isEqualTo(4);
    }

    @Test
    void badRowsAreReportedWithTheirLineNumbersAndFields() {
        ImportPreview preview = CsvRateCards.read("""
                kind,pattern,effectiveFrom,promptPer1M,cachedPromptPer1M,completionPer1M
                deployment,chat,2026-11-01,0.15,0.075,0.60
                cheese,chat,2026-11-01,0.15,0.075,0.60
                deployment,chat,11/01/2026,abc,0.075,0.60
                """, new ImportDefaults(null, "USD"));

        assertThat(preview.cards()).hasSize(1);
        assertThat(preview.errors())
                .extracting(ImportPreview.LineError::line, ImportPreview.LineError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "effectiveFrom"),
                        org.assertj.core.groups.Tuple.tuple(4, "promptPer1M"));
    }

    @Test
    void missingRequiredColumnIsNamed() {
        ImportPreview preview = CsvRateCards.read("kind,pattern,promptPer1M\ndeployment,chat,1\n", DEFAULTS);

        assertThat(preview.errors()).extracting(ImportPreview.LineError::field).contains("cachedPromptPer1M");
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        ImportPreview preview = CsvRateCards.read(
                "kind,pattern,promptPer1M,cachedPromptPer1M,completionPer1M,reason\n"
                        + "model-regex,\"gpt-(4o|4\\.1)\",1,1,1,\"fixes \"\"typo\"\", from invoice 7\"\n",
                DEFAULTS);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.cards().getFirst().card().pattern()).isEqualTo("gpt-(4o|4\\.1)");
        assertThat(preview.cards().getFirst().card().reason()).isEqualTo("fixes \"typo\", from invoice 7");
    }
}
