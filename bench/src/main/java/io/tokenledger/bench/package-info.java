/**
 * Benchmarks of TokenLedger against the hardware: the production ingest pipeline next to PostgreSQL's COPY limit,
 * ledger queries at 10M+ events. Run with {@code bench/pipeline}; never part of the test suite.
 */
package io.tokenledger.bench;
