package io.tokenledger.ingest.format;

/**
 * A token count together with the field it was read from, so consistency errors can name the field the sender
 * actually used ({@code promptTokens} or {@code usage.input_tokens}).
 */
record Count(long value, String field) {

    static Count zero(String field) {
        return new Count(0, field);
    }
}
