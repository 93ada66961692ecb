package io.tokenledger.ingest;

import java.util.List;

/**
 * What a batch did: records stored, records whose id had been seen before (counted once, ignored now) and
 * records rejected (kept as dead letters), with one error per problem found.
 */
public record IngestResult(int accepted, int duplicates, int rejected, List<IngestError> errors) {

    public IngestResult {
        errors = List.copyOf(errors);
    }

    /** One problem of a rejected record: its position in the batch, the field and what is wrong with it. */
    public record IngestError(int index, String field, String reason) {}
}
