package io.tokenledger.pricing.imports;

import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AI Hub Gateway landing zone's {@code model-pricing.json}: an array of {@code {model, deploymentName,
 * isActive, CostPerInputUnit, CostPerOutputUnit, CostUnit, Currency, CalculationMethod}}. Each active
 * {@code tokens} entry becomes a card for its deployment, with prices scaled from {@code CostUnit} tokens to 1M.
 * The format has no cached-prompt price: cached prompt tokens are priced at the input price, and the preview says
 * so.
 */
final class AiHubModelPricing {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private AiHubModelPricing() {}

    static ImportPreview read(String text, ImportDefaults defaults) {
        List<ImportPreview.Line> cards = new ArrayList<>();
        List<ImportPreview.LineError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            errors.add(new ImportPreview.LineError(1, "", "not valid JSON: " + e.getOriginalMessage()));
            return new ImportPreview(cards, errors);
        }
        if (root == null || !root.isArray()) {
            errors.add(new ImportPreview.LineError(1, "", "expected a JSON array of model prices"));
            return new ImportPreview(cards, errors);
        }
        if (defaults.effectiveFrom() == null) {
            errors.add(new ImportPreview.LineError(
                    1, "effectiveFrom", "model-pricing.json has no dates; name the day the prices start"));
            return new ImportPreview(cards, errors);
        }
        for (int i = 0; i < root.size(); i++) {
            read(i + 1, root.get(i), defaults, cards, errors);
        }
        return new ImportPreview(cards, errors);
    }

    private static void read(
            int item,
            JsonNode entry,
            ImportDefaults defaults,
            List<ImportPreview.Line> cards,
            List<ImportPreview.LineError> errors) {
        if (entry.has("isActive") && !entry.get("isActive").asBoolean(true)) {
            return;
        }
        String method = entry.path("CalculationMethod").asString("tokens");
        if (!method.equalsIgnoreCase("tokens")) {
            errors.add(new ImportPreview.LineError(
                    item,
                    "CalculationMethod",
                    "'" + method + "' is not supported; only per-token prices (\"tokens\") become rate cards"));
            return;
        }
        String deployment = entry.path("deploymentName").asString("").trim();
        if (deployment.isEmpty()) {
            errors.add(new ImportPreview.LineError(item, "deploymentName", "is missing"));
            return;
        }
        BigDecimal unit = decimal(entry, "CostUnit", item, errors);
        BigDecimal input = decimal(entry, "CostPerInputUnit", item, errors);
        BigDecimal output = decimal(entry, "CostPerOutputUnit", item, errors);
        if (unit == null || input == null || output == null) {
            return;
        }
        BigDecimal scale;
        try {
            scale = MILLION.divide(unit);
        } catch (ArithmeticException e) {
            errors.add(new ImportPreview.LineError(
                    item, "CostUnit", unit + " does not divide 1,000,000 exactly; prices would be rounded"));
            return;
        }
        BigDecimal prompt = input.multiply(scale).stripTrailingZeros();
        BigDecimal completion = output.multiply(scale).stripTrailingZeros();
        String currency = entry.path("Currency").asString(defaults.currency());
        cards.add(new ImportPreview.Line(
                item,
                new NewRateCard(
                        MatchKind.DEPLOYMENT,
                        deployment,
                        currency.toUpperCase(Locale.ROOT),
                        defaults.effectiveFrom(),
                        new Prices(prompt, prompt, completion, completion),
                        null,
                        "imported from model-pricing.json (model "
                                + entry.path("model").asString("?") + ")"),
                List.of("no cached-prompt price in model-pricing.json: cached prompt tokens are priced at the input"
                        + " price")));
    }

    private static BigDecimal decimal(JsonNode entry, String field, int item, List<ImportPreview.LineError> errors) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
            errors.add(new ImportPreview.LineError(item, field, "must be a non-negative number"));
            return null;
        }
        if (field.equals("CostUnit") && value.decimalValue().signum() == 0) {
            errors.add(new ImportPreview.LineError(item, field, "must not be 0"));
            return null;
        }
        return value.decimalValue();
    }
}
