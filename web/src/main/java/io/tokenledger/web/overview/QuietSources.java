package io.tokenledger.web.overview;

import io.tokenledger.ingest.eventhubs.IngestStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sources that have gone quiet: enabled, with events before, but none for {@link #QUIET}. A gateway that stops
 * sending looks exactly like a tenant that stopped working, so the overview says so.
 */
@Component
class QuietSources {

    /** Longer than any normal lull of a gateway in use; the ingestion page shows the exact times. */
    static final Duration QUIET = Duration.ofHours(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final IngestStatus status;

    QuietSources(IngestStatus status) {
        this.status = status;
    }

    /** One sentence per quiet source. */
    List<String> now() {
        Instant cutoff = Instant.now().minus(QUIET);
        List<String> quiet = new ArrayList<>();
        for (IngestStatusReport.SourceStatus source : status.report().sources()) {
            if (source.enabled()
                    && source.lastEventAt() != null
                    && source.lastEventAt().isBefore(cutoff)) {
                quiet.add("Source " + source.source() + " has sent nothing since "
                        + TIME.format(source.lastEventAt().atOffset(ZoneOffset.UTC)) + ".");
            }
        }
        return quiet;
    }
}
