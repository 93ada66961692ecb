package io.tokenledger.pricing.imports;

import io.tokenledger.pricing.NewRateCard;
import java.util.List;

/**
 * What an import would publish: one card per good line, one error per bad line (nothing is published while there are
 * errors), and the lines the format does not turn into cards (e.g. non-token meters), with the reason.
 */
public record ImportPreview(List<Line> cards, List<LineError> errors, List<Skipped> skipped) {

    public ImportPreview {
        cards = List.copyOf(cards);
        errors = List.copyOf(errors);
        skipped = List.copyOf(skipped);
    }

    /** A preview of a format that skips nothing. */
    public ImportPreview(List<Line> cards, List<LineError> errors) {
        this(cards, errors, List.of());
    }

    /** A card read from {@code line} (1-based line or item number), with notes about assumptions made. */
    public record Line(int line, NewRateCard card, List<String> notes) {}

    /** Why {@code line} cannot be imported; {@code field} names the column or JSON field. */
    public record LineError(int line, String field, String reason) {}

    /** A line (1-based item number) that is fine but becomes no card, and why. */
    public record Skipped(int line, String reason) {}
}
