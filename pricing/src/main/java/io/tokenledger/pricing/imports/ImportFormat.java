package io.tokenledger.pricing.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats rate cards can be imported from. */
public enum ImportFormat {
    /** TokenLedger's own CSV (see docs/pricing.md). */
    CSV("csv"),
    /** The AI Hub Gateway landing zone's {@code model-pricing.json}. */
    AIHUB("aihub"),
    /** A saved response of the Azure Retail Prices API ({@code Items} of Azure OpenAI token meters). */
    AZURE_RETAIL("azure-retail");

    private final String parameter;

    ImportFormat(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<ImportFormat> fromParameter(String value) {
        return Arrays.stream(values())
                .filter(format -> format.parameter.equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
