package io.tokenledger.ingest.eventhubs;

/**
 * Hears each step of a batch's transaction. Production has none; the tests register some, e.g. one that throws at a
 * chosen step, which is what a process dying there looks like to the database: the transaction never commits.
 */
@FunctionalInterface
interface BatchStepListener {

    void reached(BatchStep step, PartitionBatch batch);
}
