package io.tokenledger.reporting.statement;

import io.tokenledger.pricing.RateCard;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** Wording shared by the workbook, the HTML statement and the email. */
@NamedInterface("statement")
public final class StatementText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private StatementText() {}

    /** "November 2026". */
    public static String month(YearMonth period) {
        return MONTH.format(period);
    }

    /** What a model that the backend did not report is shown as. */
    public static String model(String model) {
        return model == null ? "(not reported)" : model;
    }

    /** What a rate card matches: "deployment gpt-4o", "model prefix gpt-4o-mini". */
    public static String matches(RateCard card) {
        return switch (card.matchKind()) {
            case DEPLOYMENT -> "deployment " + card.pattern();
            case MODEL_EXACT -> "model " + card.pattern();
            case MODEL_PREFIX -> "model prefix " + card.pattern();
            case MODEL_REGEX -> "model pattern " + card.pattern();
        };
    }
}
