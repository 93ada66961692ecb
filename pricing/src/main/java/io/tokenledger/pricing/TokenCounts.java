package io.tokenledger.pricing;

/**
 * The token buckets of one request (or of an aggregate of requests). Cached prompt tokens are a subset of
 * prompt tokens and reasoning tokens a subset of completion tokens, as the OpenAI usage object reports them.
 */
public record TokenCounts(long prompt, long cachedPrompt, long completion, long reasoning) {

    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0);

    public TokenCounts {
        if (prompt < 0 || cachedPrompt < 0 || completion < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cachedPrompt > prompt) {
            throw new IllegalArgumentException("cached prompt tokens exceed prompt tokens");
        }
        if (reasoning > completion) {
            throw new IllegalArgumentException("reasoning tokens exceed completion tokens");
        }
    }

    public long uncachedPrompt() {
        return prompt - cachedPrompt;
    }

    public long visibleCompletion() {
        return completion - reasoning;
    }

    public long total() {
        return Math.addExact(prompt, completion);
    }
}
