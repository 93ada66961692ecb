package io.tokenledger.ingest.eventhubs;

/** The steps of a batch's transaction, in order; a {@link BatchStepListener} hears each one. */
enum BatchStep {
    /** Usage events and rollups are written (not committed). */
    LEDGER_WRITTEN,
    /** Dead letters of the batch are written (not committed). */
    DEAD_LETTERS_WRITTEN,
    /** The partition's checkpoint is moved to the batch's last event (not committed). */
    CHECKPOINT_WRITTEN,
    /** The status row is updated; the transaction commits next. */
    STATUS_WRITTEN
}
