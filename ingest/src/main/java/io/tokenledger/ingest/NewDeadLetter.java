package io.tokenledger.ingest;

/** A rejected record (or a whole payload, {@code index} null) about to be kept. */
record NewDeadLetter(String source, Integer index, String eventId, String field, String reason, String raw) {}
