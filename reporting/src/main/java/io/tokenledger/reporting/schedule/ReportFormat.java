package io.tokenledger.reporting.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a scheduled email carries: the workbook attached, the HTML statement as its body, or both. */
public enum ReportFormat {
    XLSX,
    HTML,
    BOTH;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean workbook() {
        return this != HTML;
    }

    boolean html() {
        return this != XLSX;
    }

    static Optional<ReportFormat> parse(String text) {
        return Arrays.stream(values())
                .filter(format ->
                        format.text().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
