package io.tokenledger.web.testing;

import java.math.BigDecimal;
import tools.jackson.databind.node.ObjectNode;

/** Builds the body of {@code POST /api/v1/rate-cards}: prices per 1M tokens as strings, in USD by default. */
public final class RateCardJson {

    private final ObjectNode node;

    private RateCardJson(ObjectNode node) {
        this.node = node;
    }

    /** A card without a reasoning price, so it defaults to the completion price. */
    public static RateCardJson card(
            String deployment, String effectiveFrom, String prompt, String cachedPrompt, String completion) {
        return new RateCardJson(Reply.JSON.createObjectNode())
                .with("deployment", deployment)
                .with("currency", "USD")
                .with("effectiveFrom", effectiveFrom)
                .with("promptPer1M", prompt)
                .with("cachedPromptPer1M", cachedPrompt)
                .with("completionPer1M", completion);
    }

    public RateCardJson with(String field, Object value) {
        ObjectNode copy = node.deepCopy();
        copy.set(field, Reply.JSON.valueToTree(value));
        return new RateCardJson(copy);
    }

    /** A price as a JSON number written exactly as given, e.g. one with more digits than a double holds. */
    public RateCardJson withNumber(String field, String decimal) {
        ObjectNode copy = node.deepCopy();
        copy.put(field, new BigDecimal(decimal));
        return new RateCardJson(copy);
    }

    public String json() {
        return Reply.JSON.writeValueAsString(node);
    }
}
