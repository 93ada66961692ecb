package io.tokenledger.web.ingest;

import io.tokenledger.ingest.eventhubs.IngestStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.PartitionStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.SourceStatus;
import io.tokenledger.web.pages.MoneyFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The ingestion page: each source's recent activity and each Event Hubs partition's checkpoint, owner and lag, from
 * the same {@link IngestStatus} as {@code GET /api/v1/ingest/status}.
 */
@Controller
class IngestionPageController {

    private final IngestStatus status;

    IngestionPageController(IngestStatus status) {
        this.status = status;
    }

    /** A time as the page shows it: how long ago, with the exact UTC time for the tooltip. */
    record When(String ago, String exact) {

        static When of(Instant time, Instant now) {
            if (time == null) {
                return new When("never", "");
            }
            return new When(
                    ago(Duration.between(time, now)),
                    time.truncatedTo(ChronoUnit.SECONDS).toString());
        }

        private static String ago(Duration elapsed) {
            long seconds = Math.max(0, elapsed.toSeconds());
            if (seconds < 90) {
                return seconds + " s ago";
            }
            if (seconds < 90 * 60) {
                return seconds / 60 + " min ago";
            }
            if (seconds < 36 * 3600) {
                return seconds / 3600 + " h ago";
            }
            return seconds / 86400 + " days ago";
        }
    }

    record Source(
            String name,
            boolean enabled,
            String state,
            String detail,
            When lastEvent,
            String eventsPerMinute,
            long deadLettersLastHour,
            String deadLettersText,
            List<Partition> partitions) {

        static Source of(SourceStatus source, Instant now) {
            return new Source(
                    source.source(),
                    source.enabled(),
                    source.enabled() ? "on" : "off",
                    source.detail(),
                    When.of(source.lastEventAt(), now),
                    MoneyFormat.count(source.eventsPerMinute()),
                    source.deadLettersLastHour(),
                    MoneyFormat.count(source.deadLettersLastHour()),
                    source.partitions().stream()
                            .map(partition -> Partition.of(partition, now))
                            .toList());
        }
    }

    record Partition(
            String id,
            String hub,
            String owner,
            When ownershipRenewed,
            When lastEvent,
            When lastEnqueued,
            String checkpoint,
            When checkpointAt,
            String eventsPerMinute,
            String lag,
            long deadLettersLastHour) {

        static Partition of(PartitionStatus partition, Instant now) {
            String checkpoint = partition.checkpointSequenceNumber() == null
                    ? "none yet"
                    : "#" + partition.checkpointSequenceNumber()
                            + (partition.checkpointOffset() == null
                                    ? ""
                                    : " (offset " + partition.checkpointOffset() + ")");
            return new Partition(
                    partition.partition(),
                    partition.eventHub() + " · " + partition.consumerGroup(),
                    partition.owner() == null ? "nobody" : partition.owner(),
                    When.of(partition.ownershipRenewedAt(), now),
                    When.of(partition.lastEventAt(), now),
                    When.of(partition.lastEventEnqueuedAt(), now),
                    checkpoint,
                    When.of(partition.checkpointAt(), now),
                    MoneyFormat.count(partition.eventsPerMinute()),
                    partition.lag() == null ? "unknown" : MoneyFormat.count(partition.lag()),
                    partition.deadLettersLastHour());
        }
    }

    @GetMapping("/ingestion")
    String ingestion(Model model) {
        IngestStatusReport report = status.report();
        model.addAttribute("at", report.at().truncatedTo(ChronoUnit.SECONDS).toString());
        model.addAttribute(
                "sources",
                report.sources().stream()
                        .map(source -> Source.of(source, report.at()))
                        .toList());
        return "ingestion";
    }
}
