package io.tokenledger.reporting.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A stored schedule. */
public record ReportSchedule(
        long id,
        String name,
        String cron,
        ZoneId zone,
        List<String> recipients,
        ReportScope scope,
        ReportFormat format,
        ReportPeriod period,
        String createdBy,
        Instant createdAt) {

    public ReportSchedule {
        recipients = List.copyOf(recipients);
    }

    /** The first occurrence after {@code instant}; empty for a cron that never fires again. */
    public Optional<Instant> nextOccurrence(Instant instant) {
        return CronSchedule.parse(cron).next(instant, zone);
    }
}
