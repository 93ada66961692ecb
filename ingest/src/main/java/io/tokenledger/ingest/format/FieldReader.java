package io.tokenledger.ingest.format;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one JSON object. Every field that is present but unusable adds a
 * {@link FieldError} to a shared list and reads as absent, so a record reports all of its problems at once.
 */
final class FieldReader {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 1000;
    /** Fields that may become a tenant key (explicit tenant, subscription name or id) fit the tenant table. */
    static final int MAX_KEY_LENGTH = 200;
    /** More tokens than any request can carry; keeps daily sums far from the range of a bigint. */
    static final long MAX_TOKENS = 1_000_000_000_000L;

    // The AI Hub Gateway policy writes these when APIM has no value for a field.
    private static final Set<String> PLACEHOLDERS = Set.of("NA", "N/A");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+");
    private static final int QUOTE_LIMIT = 40;

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;
    private final boolean lenient;

    private FieldReader(JsonNode node, String prefix, List<FieldError> errors, boolean lenient) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.lenient = lenient;
    }

    /** Reads the canonical record: types must match exactly. */
    static FieldReader strict(JsonNode node, List<FieldError> errors) {
        return new FieldReader(node, "", errors, false);
    }

    /** Reads gateway records that write {@code "NA"} for missing values and token counts as strings. */
    static FieldReader lenient(JsonNode node, List<FieldError> errors) {
        return new FieldReader(node, "", errors, true);
    }

    int errorCount() {
        return errors.size();
    }

    String path(String name) {
        return prefix + name;
    }

    void reject(String name, String reason) {
        rejectPath(path(name), reason);
    }

    /** Rejects a field by its full path, for rules that span fields read through different readers. */
    void rejectPath(String fullPath, String reason) {
        errors.add(new FieldError(fullPath, reason));
    }

    /** Whether the field holds a value; JSON {@code null} (and, when lenient, a placeholder) counts as absent. */
    boolean has(String name) {
        return value(name) != null;
    }

    boolean isObject(String name) {
        JsonNode value = value(name);
        return value != null && value.isObject();
    }

    /** An optional string: trimmed, blank reads as absent. */
    String text(String name) {
        return text(name, MAX_TEXT_LENGTH);
    }

    String requiredText(String name, int maxLength) {
        int before = errors.size();
        boolean present = has(name);
        String text = text(name, maxLength);
        if (text == null && errors.size() == before) {
            reject(name, present ? "must not be blank" : "is required");
        }
        return text;
    }

    /** A token count: an integer from 0 up to the range of a long. */
    Count count(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        BigInteger number = integerOf(value);
        if (number == null || number.signum() < 0) {
            reject(name, "must be a non-negative integer, got " + describe(value));
            return null;
        }
        if (number.compareTo(BigInteger.valueOf(MAX_TOKENS)) > 0) {
            reject(name, number + " is too large; at most " + MAX_TOKENS + " per record is accepted");
            return null;
        }
        return new Count(number.longValue(), path(name));
    }

    /** The count of whichever of two spellings the sender used, preferring the first. */
    Count firstCount(String name, String alternative) {
        return has(name) || !has(alternative) ? count(name) : count(alternative);
    }

    Integer integer(String name, int min) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        BigInteger number = integerOf(value);
        boolean fits = number != null && number.bitLength() < Integer.SIZE;
        if (!fits || number.intValue() < min) {
            String range = min == Integer.MIN_VALUE ? "" : " of at least " + min;
            reject(name, "must be an integer" + range + ", got " + describe(value));
            return null;
        }
        return number.intValue();
    }

    Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(name, "must be true or false, got " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /** A nested object to read with the same rules, its errors prefixed with this field's path. */
    FieldReader object(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            reject(name, "must be an object, got " + describe(value));
            return null;
        }
        return new FieldReader(value, path(name) + ".", errors, lenient);
    }

    FieldReader firstObject(String name, String alternative) {
        return has(name) || !has(alternative) ? object(name) : object(alternative);
    }

    /** An object of text values; numbers and booleans are kept as their text, nested values are refused. */
    Map<String, String> textMap(String name) {
        FieldReader map = object(name);
        Map<String, String> texts = new LinkedHashMap<>();
        if (map == null) {
            return texts;
        }
        for (Map.Entry<String, JsonNode> entry : map.node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainer()) {
                map.reject(
                        entry.getKey(),
                        "must be a string, number or boolean; nested objects and arrays are not supported");
            } else if (!value.isNull() && !value.asString().isBlank()) {
                String problem = unstorable(entry.getKey() + value.asString());
                if (problem != null) {
                    map.reject(entry.getKey(), problem);
                } else {
                    texts.put(entry.getKey(), value.asString().strip());
                }
            }
        }
        return texts;
    }

    String text(String name, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string, got " + describe(value));
            return null;
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            reject(name, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        String unstorable = unstorable(text);
        if (unstorable != null) {
            reject(name, unstorable);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || isPlaceholder(value)) {
            return null;
        }
        return value;
    }

    private boolean isPlaceholder(JsonNode value) {
        if (!lenient || !value.isString()) {
            return false;
        }
        String text = value.stringValue().strip();
        return text.isEmpty() || PLACEHOLDERS.contains(text.toUpperCase(Locale.ROOT));
    }

    private BigInteger integerOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (lenient
                && value.isString()
                && INTEGER_TEXT.matcher(value.stringValue().strip()).matches()) {
            return new BigInteger(value.stringValue().strip());
        }
        return null;
    }

    static String describe(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            String quoted = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
            return "\"" + quoted + "\" (a string)";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isBoolean()) {
            return value + " (a boolean)";
        }
        return value.toString();
    }

    /**
     * Why PostgreSQL {@code text} cannot hold a string as it is (a NUL character, or UTF-16 that is not
     * well-formed and would be stored as {@code ?}), or null when it can.
     */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at position " + i + ", which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at position " + i
                        + "; send well-formed Unicode";
            }
        }
        return null;
    }
}
