package io.tokenledger.ingest.appinsights;

/**
 * The sums of a bin that the ledger holds: the largest values read so far, and how many delta events booked them.
 *
 * @param revision the number of the last delta event ({@code <bin id>#<revision>})
 */
record CountedBin(long prompt, long completion, long total, long requests, int revision) {

    static final CountedBin NONE = new CountedBin(0, 0, 0, 0, 0);
}
