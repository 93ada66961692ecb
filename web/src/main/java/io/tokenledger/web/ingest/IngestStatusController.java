package io.tokenledger.web.ingest;

import io.tokenledger.ingest.eventhubs.IngestStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ingest/status}: per source (HTTP, Event Hubs) the last event, events in the last minute and
 * dead letters in the last hour; per Event Hubs partition also its owner, checkpoint and lag. Times are RFC 3339.
 */
@RestController
class IngestStatusController {

    private final IngestStatus status;

    IngestStatusController(IngestStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/ingest/status")
    IngestStatusReport status() {
        return status.report();
    }
}
