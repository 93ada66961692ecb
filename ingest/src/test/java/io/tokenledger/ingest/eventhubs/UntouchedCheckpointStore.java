package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.PartitionOwnership;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For tests without a database: a batch context needs a store, and reading a batch must not use it (TokenLedger
 * checkpoints inside its own transaction, never through the context). Any call fails the test.
 */
final class UntouchedCheckpointStore implements CheckpointStore {

    @Override
    public Flux<PartitionOwnership> listOwnership(String namespace, String eventHub, String consumerGroup) {
        throw new AssertionError("listOwnership must not be called");
    }

    @Override
    public Flux<PartitionOwnership> claimOwnership(List<PartitionOwnership> requests) {
        throw new AssertionError("claimOwnership must not be called");
    }

    @Override
    public Flux<Checkpoint> listCheckpoints(String namespace, String eventHub, String consumerGroup) {
        throw new AssertionError("listCheckpoints must not be called");
    }

    @Override
    public Mono<Void> updateCheckpoint(Checkpoint checkpoint) {
        throw new AssertionError("updateCheckpoint must not be called");
    }
}
