package io.tokenledger.pricing.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.pricing.NewRateCard;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AiHubModelPricingTest {

    private static final ImportDefaults DEFAULTS = new ImportDefaults(LocalDate.parse("2026-11-01"), "USD");

    @Test
    void perThousandPricesAreScaledExactlyToPerMillion() {
        ImportPreview preview = AiHubModelPricing.read("""
                [{"id":"2","model":"gpt-35-turbo","deploymentName":"chat","isActive":true,
                  "CostPerInputUnit":0.0015,"CostPerOutputUnit":0.002,"CostUnit":1000,"BaseCost":0,
                  "Currency":"USD","CalculationMethod":"tokens","region":"ALL"}]
                """, DEFAULTS);

        assertThat(preview.errors()).isEmpty();
        NewRateCard card = preview.cards().getFirst().card();
        assertThat(card.pattern()).isEqualTo("chat");
        assertThat(card.prices().prompt()).isEqualByComparingTo("1.5");
        assertThat(card.prices().cachedPrompt()).isEqualByComparingTo("1.5");
        assertThat(card.prices().completion()).isEqualByComparingTo("2");
        assertThat(preview.cards().getFirst().notes())
                .singleElement()
                .asString()
                .contains("cached");
    }

    @Test
    void percentageEntriesAndInactiveOnesAreNotCards() {
        ImportPreview preview = AiHubModelPricing.read("""
                [{"model":"ai-search","deploymentName":"ai-search-business","isActive":true,"CostPerInputUnit":1,
                  "CostPerOutputUnit":0,"CostUnit":1,"BaseCost":600,"Currency":"USD","CalculationMethod":"percentage"},
                 {"model":"gpt-4","deploymentName":"gpt-4","isActive":false,"CostPerInputUnit":0.03,
                  "CostPerOutputUnit":0.06,"CostUnit":1000,"Currency":"USD","CalculationMethod":"tokens"}]
                """, DEFAULTS);

        assertThat(preview.cards()).isEmpty();
        assertThat(preview.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("CalculationMethod");
        });
    }

    @Test
    void costUnitThatWouldRoundIsRejected() {
        ImportPreview preview = AiHubModelPricing.read(
                "[{\"deploymentName\":\"x\",\"CostPerInputUnit\":1,\"CostPerOutputUnit\":1,\"CostUnit\":3}]", DEFAULTS);

        assertThat(preview.errors())
                .singleElement()
                .extracting(ImportPreview.LineError::field)
                .isEqualTo("CostUnit");
    }
}
