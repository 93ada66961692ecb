package io.tokenledger.reporting.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Where a page of a ledger ended: the group keys of its last row, in {@link #pageOrder} order. It carries a position
 * only, never a scope: the next page is read with the asking viewer's scope again, so a cursor edited to name another
 * tenant just moves the position within the viewer's own rows.
 *
 * <p>As a token it is opaque to clients: base64url of the version, the groupBy it belongs to and each key (itself
 * base64url, so that any character in a key survives).
 */
public record LedgerCursor(List<LedgerDimension> dimensions, List<String> keys) {

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public LedgerCursor {
        dimensions = List.copyOf(dimensions);
        keys = List.copyOf(keys);
        if (dimensions.size() != keys.size()) {
            throw new IllegalArgumentException("a cursor needs one key per dimension");
        }
    }

    /**
     * The order of a paged ledger: day first, then tenant, deployment, model, as far as {@code groupBy} names them.
     * It is the column order of every rollup's primary key, so a page starts with an index range scan.
     */
    public static List<LedgerDimension> pageOrder(List<LedgerDimension> groupBy) {
        return groupBy.stream()
                .sorted(Comparator.comparingInt(LedgerCursor::pkPosition))
                .toList();
    }

    private static int pkPosition(LedgerDimension dimension) {
        return switch (dimension) {
            case DAY -> 0;
            case TENANT -> 1;
            case DEPLOYMENT -> 2;
            case MODEL -> 3;
        };
    }

    /** The opaque form handed to clients as {@code next} and taken back as {@code after}. */
    public String token() {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(String.join(
                ",", dimensions.stream().map(LedgerDimension::parameterName).toList()));
        keys.forEach(key -> parts.add(encode(key)));
        return encode(String.join(".", parts));
    }

    /**
     * Reads a token from {@link #token()} for a query grouped by {@code groupBy}.
     *
     * @throws IllegalArgumentException naming the parameter {@code after} when the token is not a cursor of such a
     *     query
     */
    public static LedgerCursor parse(String token, List<LedgerDimension> groupBy) {
        List<LedgerDimension> order = pageOrder(groupBy);
        String[] parts;
        try {
            parts = decode(token.strip()).split("\\.", -1);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this API returned as next");
        }
        if (parts.length != order.size() + 2 || !VERSION.equals(parts[0])) {
            throw invalid("is not a cursor this API returned as next");
        }
        String dimensions = String.join(
                ",", order.stream().map(LedgerDimension::parameterName).toList());
        if (!dimensions.equals(parts[1])) {
            throw invalid("belongs to groupBy=" + parts[1] + ", not groupBy=" + dimensions
                    + "; page with the parameters of the first request");
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String key;
            try {
                key = decode(parts[i + 2]);
            } catch (IllegalArgumentException e) {
                throw invalid("is not a cursor this API returned as next");
            }
            if (order.get(i) == LedgerDimension.DAY) {
                try {
                    LocalDate.parse(key);
                } catch (DateTimeParseException e) {
                    throw invalid("is not a cursor this API returned as next");
                }
            }
            keys.add(key);
        }
        return new LedgerCursor(order, keys);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("after: " + why);
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(DECODER.decode(base64), StandardCharsets.UTF_8);
    }
}
