package io.tokenledger.reporting.excel;

import io.tokenledger.pricing.LongContextTier;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.RateCardUse;
import io.tokenledger.reporting.statement.StatementText;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The rate-card versions that priced the period's usage: for each deployment and model, which version was in force
 * on which days, with its prices. Every cost on the other sheets can be traced to a line here.
 */
final class RateCardSheet {

    static final String NAME = "Rate cards used";

    private RateCardSheet() {}

    static void write(SheetWriter sheet, ChargebackStatement statement) {
        sheet.heading(
                        "Rate-card versions in force in the period",
                        "Prices per 1M tokens in the card's currency (converted to " + statement.currency()
                                + " with the period's FX rate where it differs). Cost = uncached prompt × prompt +"
                                + " cached × cached prompt + (completion − reasoning) × completion + reasoning ×"
                                + " reasoning, per 1M tokens.")
                .header(List.of(
                        "Deployment",
                        "Model",
                        "In force from",
                        "In force to",
                        "Version id",
                        "Matches",
                        "Effective from",
                        "Prompt per 1M",
                        "Cached prompt per 1M",
                        "Completion per 1M",
                        "Reasoning per 1M",
                        "Long-context tier",
                        "Created by",
                        "Created at (" + statement.zone().getId() + ")",
                        "Reason",
                        "Currency",
                        "FX conversion"));
        for (RateCardUse use : statement.rateCards()) {
            sheet.row()
                    .text(use.deployment())
                    .text(StatementText.model(use.model()))
                    .date(use.from())
                    .date(use.to());
            if (use.card().isEmpty()) {
                sheet.blank().text("no rate card in force: this usage is unpriced");
                continue;
            }
            RateCard card = use.card().get();
            Prices prices = card.prices();
            sheet.count(card.id())
                    .text(StatementText.matches(card))
                    .date(card.effectiveFrom())
                    .price(prices.prompt())
                    .price(prices.cachedPrompt())
                    .price(prices.completion())
                    .price(prices.reasoning())
                    .text(longContext(card.longContext()))
                    .text(card.createdBy())
                    .dateTime(LocalDateTime.ofInstant(card.createdAt(), statement.zone()))
                    .wrappedText(card.reason())
                    .text(card.currency())
                    .wrappedText(use.note());
        }
        if (statement.rateCards().isEmpty()) {
            sheet.section("No usage in this period and scope, so no rate card was used.");
        }
    }

    private static String longContext(LongContextTier tier) {
        if (tier == null) {
            return "";
        }
        Prices prices = tier.prices();
        return "above " + tier.promptTokensAbove() + " prompt tokens: prompt "
                + prices.prompt().toPlainString() + ", cached "
                + prices.cachedPrompt().toPlainString()
                + ", completion " + prices.completion().toPlainString() + ", reasoning "
                + prices.reasoning().toPlainString();
    }
}
