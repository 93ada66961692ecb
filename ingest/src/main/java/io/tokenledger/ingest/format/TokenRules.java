package io.tokenledger.ingest.format;

/**
 * The consistency rules between token counts that every source shares. Each rule names the field the sender used,
 * so the reason points at the value to fix.
 */
final class TokenRules {

    private TokenRules() {}

    /** Cached prompt tokens are part of the prompt tokens, reasoning tokens part of the completion tokens. */
    static void requireSubset(FieldReader record, Count part, Count whole, String partName, String wholeName) {
        if (part != null && whole != null && part.value() > whole.value()) {
            record.rejectPath(
                    part.field(),
                    part.value() + " exceeds " + whole.field() + " " + whole.value() + "; " + partName
                            + " tokens are a subset of " + wholeName + " tokens");
        }
    }

    /** A reported total must be prompt plus completion; anything else means one of the counts is wrong. */
    static void requireTotal(FieldReader record, Count total, Count prompt, Count completion) {
        if (total == null || prompt == null || completion == null) {
            return;
        }
        // Subtracting instead of adding cannot overflow for non-negative counts.
        if (total.value() - prompt.value() != completion.value()) {
            record.rejectPath(
                    total.field(),
                    total.value() + " does not equal " + prompt.field() + " + " + completion.field() + " ("
                            + prompt.value() + " + " + completion.value() + ")");
        }
    }
}
