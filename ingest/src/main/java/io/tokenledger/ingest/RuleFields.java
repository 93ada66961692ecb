package io.tokenledger.ingest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The event fields a mapping rule can match: canonical record fields by their JSON name, and any attribute as
 * {@code attributes.<key>}.
 */
final class RuleFields {

    static final String ATTRIBUTES = "attributes.";

    /** Canonical field name → usage_event column. */
    private static final Map<String, String> COLUMNS = Map.of(
            "tenant", "tenant",
            "subscriptionName", "subscription_name",
            "subscriptionId", "subscription_id",
            "productId", "product_id",
            "userId", "user_id",
            "appId", "app_id");

    static final List<String> NAMES =
            List.of("tenant", "subscriptionName", "subscriptionId", "productId", "userId", "appId", "attributes.<key>");

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("\\S{1,100}");

    private RuleFields() {}

    static boolean isValid(String field) {
        if (field == null) {
            return false;
        }
        if (field.startsWith(ATTRIBUTES)) {
            return ATTRIBUTE_KEY.matcher(field.substring(ATTRIBUTES.length())).matches();
        }
        return COLUMNS.containsKey(field);
    }

    /** The column of a known canonical field, or {@code null} for an attribute. */
    static String column(String field) {
        return COLUMNS.get(field);
    }
}
