package io.tokenledger.pricing.imports;

import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved response of the Azure Retail Prices API ({@code {"Items":[…]}}), mapped to model rate cards:
 *
 * <ul>
 *   <li>Only pay-as-you-go ({@code type} Consumption) token meters of <b>Global Standard</b> deployments
 *       ({@code glbl} in the meter name) become prices; every other item is skipped with its reason (other units
 *       such as hours, reservations, regional, data-zone and batch meters, audio/image/fine-tuning meters, tiers).
 *   <li>The meter name gives the model and the bucket ({@link RetailMeter}); {@code unitOfMeasure} {@code 1K},
 *       {@code 1M} or {@code 1} scales {@code retailPrice} exactly to per 1M tokens.
 *   <li>A model's input, cached-input and output meters (same currency) make one card: a <b>model-prefix</b> card
 *       for an unversioned model ({@code gpt-4.1} prices {@code gpt-4.1-2025-04-14}); for a model with a
 *       {@code -MMDD} version, a <b>model-regex</b> card for the dated name the backend reports
 *       ({@code gpt-4o-0806} → {@code gpt-4o-\d{4}-08-06}, i.e. {@code gpt-4o-2024-08-06}), because the meter
 *       does not say the year. Without a cached-input meter cached tokens are priced at the input price (noted).
 *   <li>{@code effectiveFrom} is the given day, else the latest {@code effectiveStartDate} of the card's meters.
 *   <li>Errors name the item (1-based index in {@code Items}) and field: a token meter without a usable price or
 *       date, a model with an output but no input price, two different prices for one bucket.
 * </ul>
 */
final class AzureRetailPrices {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern VERSIONED = Pattern.compile("(.+)-(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");

    private AzureRetailPrices() {}

    /** One card in the making: the prices by bucket and the items they came from. */
    private static final class Card {
        final int firstItem;
        final String model;
        final String currency;
        final Map<RetailMeter.Bucket, BigDecimal> prices = new EnumMap<>(RetailMeter.Bucket.class);
        LocalDate effectiveFrom;

        Card(int firstItem, String model, String currency) {
            this.firstItem = firstItem;
            this.model = model;
            this.currency = currency;
        }
    }

    static ImportPreview read(String text, ImportDefaults defaults) {
        List<ImportPreview.LineError> errors = new ArrayList<>();
        List<ImportPreview.Skipped> skipped = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            errors.add(new ImportPreview.LineError(1, "", "not valid JSON: " + e.getOriginalMessage()));
            return new ImportPreview(List.of(), errors);
        }
        JsonNode items = root == null ? null : root.get("Items");
        if (items == null || !items.isArray()) {
            errors.add(new ImportPreview.LineError(
                    1, "Items", "expected a Retail Prices API response: an object with an \"Items\" array"));
            return new ImportPreview(List.of(), errors);
        }
        Map<String, Card> cards = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            read(i + 1, items.get(i), defaults, cards, errors, skipped);
        }
        List<ImportPreview.Line> lines = new ArrayList<>();
        for (Card card : cards.values()) {
            ImportPreview.Line line = line(card, defaults, errors);
            if (line != null) {
                lines.add(line);
            }
        }
        return new ImportPreview(lines, errors, skipped);
    }

    private static void read(
            int item,
            JsonNode entry,
            ImportDefaults defaults,
            Map<String, Card> cards,
            List<ImportPreview.LineError> errors,
            List<ImportPreview.Skipped> skipped) {
        String meterName = entry.path("meterName").asString("");
        if (meterName.isBlank()) {
            errors.add(new ImportPreview.LineError(item, "meterName", "is missing"));
            return;
        }
        RetailMeter.Result parsed = RetailMeter.parse(meterName);
        if (parsed.meter().isEmpty()) {
            skipped.add(new ImportPreview.Skipped(item, "'" + meterName + "': " + parsed.skipped()));
            return;
        }
        RetailMeter meter = parsed.meter().get();
        String type = entry.path("type").asString("Consumption");
        if (!type.equalsIgnoreCase("Consumption")) {
            skipped.add(new ImportPreview.Skipped(
                    item,
                    "'" + meterName + "': type " + type + "; only pay-as-you-go (Consumption) prices are imported"));
            return;
        }
        if (!meter.deploymentType().equals("glbl")) {
            skipped.add(new ImportPreview.Skipped(
                    item,
                    "'" + meterName + "': a " + meter.deploymentType() + " meter; only Global Standard (glbl) meters"
                            + " are imported (use the CSV import for others)"));
            return;
        }
        if (entry.path("tierMinimumUnits").isNumber()
                && entry.path("tierMinimumUnits").decimalValue().signum() > 0) {
            skipped.add(new ImportPreview.Skipped(item, "'" + meterName + "': a volume tier above 0 units"));
            return;
        }
        BigDecimal scale = perMillion(entry.path("unitOfMeasure").asString(""));
        if (scale == null) {
            skipped.add(new ImportPreview.Skipped(
                    item,
                    "'" + meterName + "': unit '" + entry.path("unitOfMeasure").asString("")
                            + "' is not tokens (1, 1K or 1M)"));
            return;
        }
        JsonNode price = entry.get("retailPrice");
        if (price == null || !price.isNumber() || price.decimalValue().signum() < 0) {
            errors.add(new ImportPreview.LineError(item, "retailPrice", "must be a non-negative number"));
            return;
        }
        LocalDate start = day(entry.path("effectiveStartDate").asString(""));
        if (start == null && defaults.effectiveFrom() == null) {
            errors.add(new ImportPreview.LineError(
                    item,
                    "effectiveStartDate",
                    "must be a date (2024-08-01T00:00:00Z) when no effectiveFrom is given"));
            return;
        }
        String currency =
                entry.path("currencyCode").asString(defaults.currency()).toUpperCase(Locale.ROOT);
        Card card =
                cards.computeIfAbsent(meter.model() + "|" + currency, key -> new Card(item, meter.model(), currency));
        BigDecimal perMillion = price.decimalValue().multiply(scale).stripTrailingZeros();
        BigDecimal earlier = card.prices.putIfAbsent(meter.bucket(), perMillion);
        if (earlier != null && earlier.compareTo(perMillion) != 0) {
            errors.add(new ImportPreview.LineError(
                    item,
                    "retailPrice",
                    "a second " + meter.bucket().label() + " price for " + meter.model() + " (" + perMillion
                            + " per 1M, earlier " + earlier + "); keep one region's or one date's items"));
            return;
        }
        if (start != null && (card.effectiveFrom == null || start.isAfter(card.effectiveFrom))) {
            card.effectiveFrom = start;
        }
    }

    private static ImportPreview.Line line(Card card, ImportDefaults defaults, List<ImportPreview.LineError> errors) {
        BigDecimal prompt = card.prices.get(RetailMeter.Bucket.PROMPT);
        BigDecimal completion = card.prices.get(RetailMeter.Bucket.COMPLETION);
        if (prompt == null || completion == null) {
            errors.add(new ImportPreview.LineError(
                    card.firstItem,
                    "meterName",
                    card.model + " has " + (prompt == null ? "no input" : "no output") + " meter; a rate card needs"
                            + " both"));
            return null;
        }
        List<String> notes = new ArrayList<>();
        BigDecimal cached = card.prices.get(RetailMeter.Bucket.CACHED_PROMPT);
        if (cached == null) {
            cached = prompt;
            notes.add("no cached-input meter: cached prompt tokens are priced at the input price");
        }
        Matcher versioned = VERSIONED.matcher(card.model);
        MatchKind kind;
        String pattern;
        if (versioned.matches()) {
            kind = MatchKind.MODEL_REGEX;
            pattern = REGEX_SPECIAL.matcher(versioned.group(1)).replaceAll("\\\\$0") + "-\\d{4}-" + versioned.group(2)
                    + "-" + versioned.group(3);
            notes.add("versioned meter " + card.model + ": prices models named " + versioned.group(1) + "-YYYY-"
                    + versioned.group(2) + "-" + versioned.group(3) + " (a deployment, exact or prefix card wins)");
        } else {
            kind = MatchKind.MODEL_PREFIX;
            pattern = card.model;
        }
        return new ImportPreview.Line(
                card.firstItem,
                new NewRateCard(
                        kind,
                        pattern,
                        card.currency,
                        defaults.effectiveFrom() != null ? defaults.effectiveFrom() : card.effectiveFrom,
                        new Prices(prompt, cached, completion, completion),
                        null,
                        "imported from the Azure Retail Prices API (Global Standard, " + card.model + ")"),
                notes);
    }

    /** The factor from the meter's unit to 1M tokens; null for a unit that is not tokens. */
    private static BigDecimal perMillion(String unit) {
        String normalized = unit.trim().toUpperCase(Locale.ROOT).replace(" TOKENS", "");
        return switch (normalized) {
            case "1" -> BigDecimal.valueOf(1_000_000);
            case "1K" -> BigDecimal.valueOf(1_000);
            case "1M" -> BigDecimal.ONE;
            default -> null;
        };
    }

    private static LocalDate day(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(
                        value.trim().substring(0, Math.min(10, value.trim().length())));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
