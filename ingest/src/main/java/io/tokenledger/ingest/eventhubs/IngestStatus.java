package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.models.PartitionOwnership;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.PartitionStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingestion status per source: HTTP, and Event Hubs per partition (whichever instance processes it, since all of
 * them share the database). Cheap to read: a few rows per partition and index-only counts.
 */
@Service
public class IngestStatus {

    static final String HTTP_SOURCE = "http";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Comparator<PartitionKey> PARTITION_ORDER = Comparator.comparing(PartitionKey::namespace)
            .thenComparing(PartitionKey::eventHub)
            .thenComparing(PartitionKey::consumerGroup)
            .thenComparing(key -> key.partition(), IngestStatus::comparePartitionIds);

    private final IngestProperties.EventHubs settings;
    private final OwnershipRepository ownerships;
    private final CheckpointRepository checkpoints;
    private final PartitionStatusRepository partitionStatus;
    private final SourceActivityRepository activity;

    IngestStatus(
            IngestProperties properties,
            OwnershipRepository ownerships,
            CheckpointRepository checkpoints,
            PartitionStatusRepository partitionStatus,
            SourceActivityRepository activity) {
        this.settings = properties.eventhubs();
        this.ownerships = ownerships;
        this.checkpoints = checkpoints;
        this.partitionStatus = partitionStatus;
        this.activity = activity;
    }

    /** The status now. */
    @Transactional(readOnly = true)
    public IngestStatusReport report() {
        return report(Instant.now());
    }

    /** The status as of {@code now}: rates over the minute before it, dead letters of the hour before it. */
    @Transactional(readOnly = true)
    IngestStatusReport report(Instant now) {
        return new IngestStatusReport(now, List.of(http(now), eventHubs(now)));
    }

    private SourceStatus http(Instant now) {
        var recent = activity.find(HTTP_SOURCE);
        return new SourceStatus(
                HTTP_SOURCE,
                true,
                "POST /api/v1/usage-events",
                recent.map(SourceActivityRepository.Activity::lastEventAt).orElse(null),
                recent.map(found -> found.rate().perMinute(now)).orElse(0L),
                activity.deadLettersSince(HTTP_SOURCE, now.minus(HOUR)),
                List.of());
    }

    private SourceStatus eventHubs(Instant now) {
        EventHubsTarget target = settings.enabled() ? EventHubsTarget.of(settings) : null;
        List<PartitionStatus> partitions = partitions(target, now);
        String detail = target == null
                ? "off: set tokenledger.ingest.eventhubs.connection-string (or .fully-qualified-namespace) and"
                        + " .event-hub-name to turn it on"
                : target.namespace() + " / " + target.eventHub() + ", consumer group " + target.consumerGroup();
        return new SourceStatus(
                EventBodyReader.SOURCE,
                target != null,
                detail,
                partitions.stream()
                        .map(PartitionStatus::lastEventAt)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                partitions.stream().mapToLong(PartitionStatus::eventsPerMinute).sum(),
                activity.deadLettersSince(EventBodyReader.SOURCE, now.minus(HOUR)),
                partitions);
    }

    private List<PartitionStatus> partitions(EventHubsTarget target, Instant now) {
        Map<PartitionKey, PartitionOwnership> owners = new HashMap<>();
        ownerships.all().forEach(ownership -> owners.put(keyOf(ownership), ownership));
        Map<PartitionKey, CheckpointRepository.StoredCheckpoint> stored = new HashMap<>();
        checkpoints.all().forEach(checkpoint -> stored.put(checkpoint.partition(), checkpoint));
        Map<PartitionKey, PartitionStatusRepository.StoredStatus> statuses = new HashMap<>();
        partitionStatus.all().forEach(status -> statuses.put(status.partition(), status));
        Map<String, Long> deadLetters = activity.deadLettersByPartitionSince(EventBodyReader.SOURCE, now.minus(HOUR));

        TreeSet<PartitionKey> keys = new TreeSet<>(PARTITION_ORDER);
        keys.addAll(owners.keySet());
        keys.addAll(stored.keySet());
        keys.addAll(statuses.keySet());
        List<PartitionStatus> partitions = new ArrayList<>();
        for (PartitionKey key : keys) {
            if (target != null && !isOf(key, target)) {
                continue;
            }
            partitions.add(partition(
                    key,
                    owners.get(key),
                    stored.get(key),
                    statuses.get(key),
                    deadLetters.getOrDefault(key.stream() + "/" + key.partition(), 0L),
                    now));
        }
        return partitions;
    }

    private static PartitionStatus partition(
            PartitionKey key,
            PartitionOwnership ownership,
            CheckpointRepository.StoredCheckpoint checkpoint,
            PartitionStatusRepository.StoredStatus status,
            long deadLetters,
            Instant now) {
        String owner = ownership == null || ownership.getOwnerId().isEmpty() ? null : ownership.getOwnerId();
        Long lag = null;
        if (status != null && status.newestSequenceNumber() != null) {
            long processed = checkpoint == null ? -1 : checkpoint.sequenceNumber();
            lag = Math.max(0, status.newestSequenceNumber() - processed);
        }
        return new PartitionStatus(
                key.namespace(),
                key.eventHub(),
                key.consumerGroup(),
                key.partition(),
                owner,
                ownership == null ? null : Instant.ofEpochMilli(ownership.getLastModifiedTime()),
                status == null ? null : status.lastEventAt(),
                status == null ? null : status.lastEventEnqueuedTime(),
                checkpoint == null ? null : checkpoint.sequenceNumber(),
                checkpoint == null ? null : checkpoint.offset(),
                checkpoint == null ? null : checkpoint.updatedAt(),
                status == null ? 0 : status.eventsPerMinute(now),
                lag,
                status == null ? null : status.newestRetrievedAt(),
                deadLetters);
    }

    private static boolean isOf(PartitionKey key, EventHubsTarget target) {
        return key.namespace().equalsIgnoreCase(target.namespace())
                && key.eventHub().equals(target.eventHub())
                && key.consumerGroup().equals(target.consumerGroup());
    }

    private static PartitionKey keyOf(PartitionOwnership ownership) {
        return new PartitionKey(
                ownership.getFullyQualifiedNamespace(),
                ownership.getEventHubName(),
                ownership.getConsumerGroup(),
                ownership.getPartitionId());
    }

    // Event Hubs partition ids are "0", "1", … "31": order them as numbers, so 10 follows 9
    private static int comparePartitionIds(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        if (numeric && a.length() < 10 && b.length() < 10) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
