package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.PartitionOwnership;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Event Hubs SDK's {@link CheckpointStore} on PostgreSQL, so no Azure Storage account is needed. The SDK's load
 * balancer uses it to share partitions between TokenLedger instances ({@link OwnershipRepository}) and to find where
 * a partition it claims resumes ({@link CheckpointRepository}).
 *
 * <p>TokenLedger does not call {@link #updateCheckpoint}: a batch writes its checkpoint inside its own ledger
 * transaction ({@link BatchWriter}). It is implemented for the SDK's contract. JDBC blocks, so every call runs on
 * Reactor's bounded-elastic scheduler, never on the SDK's event loop.
 */
@Component
class PostgresCheckpointStore implements CheckpointStore {

    private final OwnershipRepository ownerships;
    private final CheckpointRepository checkpoints;

    PostgresCheckpointStore(OwnershipRepository ownerships, CheckpointRepository checkpoints) {
        this.ownerships = ownerships;
        this.checkpoints = checkpoints;
    }

    @Override
    public Flux<PartitionOwnership> listOwnership(
            String fullyQualifiedNamespace, String eventHubName, String consumerGroup) {
        return blockingFlux(() -> ownerships.list(fullyQualifiedNamespace, eventHubName, consumerGroup));
    }

    /**
     * Claims each requested partition on its own: the ones whose etag still matched (or that had no row yet, for a
     * request without etag) come back with their new etag; the others are left out, as the SDK expects.
     */
    @Override
    public Flux<PartitionOwnership> claimOwnership(List<PartitionOwnership> requestedPartitionOwnerships) {
        if (requestedPartitionOwnerships == null || requestedPartitionOwnerships.isEmpty()) {
            return Flux.empty();
        }
        return blockingFlux(() -> requestedPartitionOwnerships.stream()
                .map(ownerships::claim)
                .flatMap(Optional::stream)
                .toList());
    }

    @Override
    public Flux<Checkpoint> listCheckpoints(String fullyQualifiedNamespace, String eventHubName, String consumerGroup) {
        return blockingFlux(() -> checkpoints.list(fullyQualifiedNamespace, eventHubName, consumerGroup).stream()
                .map(stored -> new Checkpoint()
                        .setFullyQualifiedNamespace(stored.partition().namespace())
                        .setEventHubName(stored.partition().eventHub())
                        .setConsumerGroup(stored.partition().consumerGroup())
                        .setPartitionId(stored.partition().partition())
                        .setSequenceNumber(stored.sequenceNumber())
                        .setOffsetString(stored.offset()))
                .toList());
    }

    @Override
    public Mono<Void> updateCheckpoint(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.getSequenceNumber() == null) {
            return Mono.error(new IllegalArgumentException("a checkpoint needs the sequence number of its event"));
        }
        PartitionKey partition = new PartitionKey(
                checkpoint.getFullyQualifiedNamespace(),
                checkpoint.getEventHubName(),
                checkpoint.getConsumerGroup(),
                checkpoint.getPartitionId());
        String offset = checkpoint.getOffsetString() != null
                ? checkpoint.getOffsetString()
                : checkpoint.getOffset() == null ? null : checkpoint.getOffset().toString();
        StreamPosition position = new StreamPosition(checkpoint.getSequenceNumber(), offset, null);
        return Mono.<Void>fromRunnable(() -> checkpoints.advance(partition, position))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static <T> Flux<T> blockingFlux(Callable<List<T>> query) {
        return Mono.fromCallable(query).flatMapMany(Flux::fromIterable).subscribeOn(Schedulers.boundedElastic());
    }
}
