package io.tokenledger.ingest.format;

import io.tokenledger.pricing.TokenCounts;

/**
 * Reads the token counts of a canonical record from the flat fields ({@code promptTokens}, ...), from an OpenAI
 * {@code usage} object (Chat Completions or Responses API spelling), or from both when they agree.
 */
final class TokenFieldsReader {

    private static final String USAGE = "usage";

    /** The four buckets and the reported total, each remembering which field it came from. */
    private record Buckets(Count prompt, Count cached, Count completion, Count reasoning, Count total) {}

    /** Returns the counts, or {@code null} when any of them is missing or inconsistent (errors are recorded). */
    TokenCounts read(FieldReader record) {
        int errorsBefore = record.errorCount();
        Buckets flat = flat(record);
        Buckets usage = usage(record);
        Buckets merged = usage == null ? flat : merge(record, flat, usage);
        if (merged.prompt() == null) {
            requirePrompt(record, usage != null);
        }
        Count completion = merged.completion() != null ? merged.completion() : absentCompletion(record);
        TokenRules.requireSubset(record, merged.cached(), merged.prompt(), "cached", "prompt");
        TokenRules.requireSubset(record, merged.reasoning(), completion, "reasoning", "completion");
        TokenRules.requireTotal(record, flat.total(), merged.prompt(), completion);
        if (usage != null) {
            TokenRules.requireTotal(record, usage.total(), merged.prompt(), completion);
        }
        if (record.errorCount() > errorsBefore || merged.prompt() == null) {
            return null;
        }
        return new TokenCounts(
                merged.prompt().value(),
                valueOf(merged.cached()),
                valueOf(merged.completion()),
                valueOf(merged.reasoning()));
    }

    private static Buckets flat(FieldReader record) {
        return new Buckets(
                record.count("promptTokens"),
                record.count("cachedPromptTokens"),
                record.count("completionTokens"),
                record.count("reasoningTokens"),
                record.count("totalTokens"));
    }

    private static Buckets usage(FieldReader record) {
        FieldReader usage = record.object(USAGE);
        if (usage == null) {
            return null;
        }
        FieldReader promptDetails = usage.firstObject("prompt_tokens_details", "input_tokens_details");
        FieldReader completionDetails = usage.firstObject("completion_tokens_details", "output_tokens_details");
        return new Buckets(
                usage.firstCount("prompt_tokens", "input_tokens"),
                promptDetails == null ? null : promptDetails.count("cached_tokens"),
                usage.firstCount("completion_tokens", "output_tokens"),
                completionDetails == null ? null : completionDetails.count("reasoning_tokens"),
                usage.count("total_tokens"));
    }

    private static Buckets merge(FieldReader record, Buckets flat, Buckets usage) {
        return new Buckets(
                agreeing(record, flat.prompt(), usage.prompt()),
                agreeing(record, flat.cached(), usage.cached()),
                agreeing(record, flat.completion(), usage.completion()),
                agreeing(record, flat.reasoning(), usage.reasoning()),
                flat.total());
    }

    private static Count agreeing(FieldReader record, Count flat, Count usage) {
        if (flat != null && usage != null && flat.value() != usage.value()) {
            record.reject(
                    USAGE,
                    usage.field() + " " + usage.value() + " disagrees with " + flat.field() + " " + flat.value()
                            + "; send the counts once, or make both the same");
        }
        return flat != null ? flat : usage;
    }

    private static void requirePrompt(FieldReader record, boolean usageGiven) {
        if (record.has("promptTokens")) {
            return; // present but unusable: that error is already recorded
        }
        if (!usageGiven) {
            record.reject("promptTokens", "is required (or give a usage object with prompt_tokens)");
        } else if (!usageHas(record, "prompt_tokens", "input_tokens")) {
            record.reject("usage.prompt_tokens", "is required (or input_tokens, or promptTokens beside usage)");
        }
    }

    // Completion defaults to 0 only when not given at all; a given but unusable one must not feed the total check.
    private static Count absentCompletion(FieldReader record) {
        boolean given = record.has("completionTokens") || usageHas(record, "completion_tokens", "output_tokens");
        return given ? null : Count.zero("completionTokens");
    }

    private static boolean usageHas(FieldReader record, String name, String alternative) {
        if (!record.has(USAGE) || !record.isObject(USAGE)) {
            return false;
        }
        FieldReader usage = record.object(USAGE);
        return usage.has(name) || usage.has(alternative);
    }

    private static long valueOf(Count count) {
        return count == null ? 0 : count.value();
    }
}
