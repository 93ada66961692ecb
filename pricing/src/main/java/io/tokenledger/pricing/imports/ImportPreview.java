package io.tokenledger.pricing.imports;

import io.tokenledger.pricing.NewRateCard;
import java.util.List;

/**
 * What an import would publish: one card per good line, and one error per bad line (nothing is published while
 * there are errors).
 */
public record ImportPreview(List<Line> cards, List<LineError> errors) {

    public ImportPreview {
        cards = List.copyOf(cards);
        errors = List.copyOf(errors);
    }

    /** A card read from {@code line} (1-based line or item number), with notes about assumptions made. */
    public record Line(int line, NewRateCard card, List<String> notes) {}

    /** Why {@code line} cannot be imported; {@code field} names the column or JSON field. */
    public record LineError(int line, String field, String reason) {}
}
