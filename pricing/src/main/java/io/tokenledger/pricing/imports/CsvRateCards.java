package io.tokenledger.pricing.imports;

import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.LongContextTier;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TokenLedger's rate-card CSV: a header row naming the columns (any order), then one card per row. Columns:
 * {@code kind} (deployment, model, model-prefix, model-regex), {@code pattern}, {@code effectiveFrom},
 * {@code currency}, {@code promptPer1M}, {@code cachedPromptPer1M}, {@code completionPer1M}, optional
 * {@code reasoningPer1M} (default: completion), optional long-context tier {@code longContextAbove},
 * {@code longPromptPer1M}, {@code longCachedPromptPer1M}, {@code longCompletionPer1M}, {@code longReasoningPer1M},
 * optional {@code reason}. Lines starting with {@code #} are comments.
 */
final class CsvRateCards {

    private static final List<String> REQUIRED =
            List.of("kind", "pattern", "promptPer1M", "cachedPromptPer1M", "completionPer1M");

    private CsvRateCards() {}

    static ImportPreview read(String text, ImportDefaults defaults) {
        List<CsvLines.Row> rows = CsvLines.parse(text);
        List<ImportPreview.Line> cards = new ArrayList<>();
        List<ImportPreview.LineError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new ImportPreview.LineError(1, "", "the file has no header row"));
            return new ImportPreview(cards, errors);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.getFirst().fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                errors.add(new ImportPreview.LineError(
                        rows.getFirst().line(),
                        column,
                        "the header has no column '" + column + "'; required: " + String.join(", ", REQUIRED)));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportPreview(cards, errors);
        }
        for (CsvLines.Row row : rows.subList(1, rows.size())) {
            Cells cells = new Cells(row, columns, errors);
            NewRateCard card = cells.card(defaults);
            if (card != null) {
                cards.add(new ImportPreview.Line(row.line(), card, List.of()));
            }
        }
        return new ImportPreview(cards, errors);
    }

    /** The cells of one row, collecting every problem with the row's line number. */
    private static final class Cells {

        private final CsvLines.Row row;
        private final Map<String, Integer> columns;
        private final List<ImportPreview.LineError> errors;
        private final int errorsBefore;

        Cells(CsvLines.Row row, Map<String, Integer> columns, List<ImportPreview.LineError> errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        NewRateCard card(ImportDefaults defaults) {
            MatchKind kind = kind();
            String pattern = text("pattern");
            LocalDate effectiveFrom = day(defaults.effectiveFrom());
            String currency = text("currency");
            BigDecimal completion = price("completionPer1M", true);
            BigDecimal reasoning = price("reasoningPer1M", false);
            Prices prices = new Prices(
                    price("promptPer1M", true),
                    price("cachedPromptPer1M", true),
                    completion,
                    reasoning == null ? completion : reasoning);
            LongContextTier tier = tier();
            if (pattern == null) {
                fail("pattern", "is empty");
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new NewRateCard(
                    kind,
                    pattern,
                    currency == null ? defaults.currency() : currency.toUpperCase(Locale.ROOT),
                    effectiveFrom,
                    prices,
                    tier,
                    text("reason"));
        }

        private MatchKind kind() {
            String kind = text("kind");
            if (kind == null) {
                fail("kind", "is empty; use deployment, model, model-prefix or model-regex");
                return null;
            }
            return switch (kind.toLowerCase(Locale.ROOT)) {
                case "deployment" -> MatchKind.DEPLOYMENT;
                case "model", "model-exact" -> MatchKind.MODEL_EXACT;
                case "model-prefix" -> MatchKind.MODEL_PREFIX;
                case "model-regex" -> MatchKind.MODEL_REGEX;
                default -> {
                    fail("kind", "'" + kind + "' is not deployment, model, model-prefix or model-regex");
                    yield null;
                }
            };
        }

        private LocalDate day(LocalDate fallback) {
            String value = text("effectiveFrom");
            if (value == null) {
                if (fallback == null) {
                    fail("effectiveFrom", "is empty and the import names no effectiveFrom for all rows");
                }
                return fallback;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                fail("effectiveFrom", "'" + value + "' is not a day as YYYY-MM-DD");
                return null;
            }
        }

        private LongContextTier tier() {
            String above = text("longContextAbove");
            if (above == null) {
                return null;
            }
            long threshold;
            try {
                threshold = Long.parseLong(above);
            } catch (NumberFormatException e) {
                fail("longContextAbove", "'" + above + "' is not a whole number of prompt tokens");
                return null;
            }
            BigDecimal completion = price("longCompletionPer1M", true);
            BigDecimal reasoning = price("longReasoningPer1M", false);
            Prices prices = new Prices(
                    price("longPromptPer1M", true),
                    price("longCachedPromptPer1M", true),
                    completion,
                    reasoning == null ? completion : reasoning);
            return errors.size() > errorsBefore || threshold < 0 ? null : new LongContextTier(threshold, prices);
        }

        private BigDecimal price(String column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    fail(column, "is empty");
                    return BigDecimal.ZERO;
                }
                return null;
            }
            Optional<String> tooLong = DecimalBounds.textProblem(value);
            if (tooLong.isPresent()) {
                fail(column, tooLong.get());
                return BigDecimal.ZERO;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                fail(column, "'" + value + "' is not a decimal number");
                return BigDecimal.ZERO;
            }
        }

        private String text(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.fields().size()) {
                return null;
            }
            String value = row.fields().get(index).trim();
            return value.isEmpty() ? null : value;
        }

        private void fail(String field, String reason) {
            errors.add(new ImportPreview.LineError(row.line(), field, reason));
        }
    }
}
