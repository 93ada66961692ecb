package io.tokenledger.ingest.format;

/**
 * Supplies the id of a record that carries none, from where the record came from (for Event Hubs: namespace, hub,
 * partition and sequence number), so that the same record read again gets the same id and counts once.
 */
@FunctionalInterface
public interface FallbackIds {

    /**
     * @param index the record's {@link ParsedRecord#index() index} in its body
     * @param records how many records the body holds
     * @return the id to use; at most 200 characters
     */
    String idFor(int index, int records);
}
