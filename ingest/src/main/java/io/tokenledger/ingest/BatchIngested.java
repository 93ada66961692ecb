package io.tokenledger.ingest;

/**
 * Announced inside the writing transaction each time {@link IngestPipeline#ingest} has handled a batch, whatever
 * its outcome: which source it came from and what became of its records. The ingestion status listens for it.
 *
 * @param accepted records stored
 * @param duplicates valid records whose id was stored before
 * @param rejected records kept as dead letters
 */
public record BatchIngested(String source, int accepted, int duplicates, int rejected) {}
