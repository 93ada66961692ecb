package io.tokenledger.reporting.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a ledger can be grouped by ({@code groupBy=tenant,deployment,model,day}). */
public enum LedgerDimension {
    TENANT,
    DEPLOYMENT,
    MODEL,
    DAY;

    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LedgerDimension> fromParameter(String name) {
        return Arrays.stream(values())
                .filter(dimension ->
                        dimension.parameterName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
