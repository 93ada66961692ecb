package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.ReportingProperties;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds each schedule's latest occurrence that is due and not yet claimed, within the catch-up window, and claims
 * it. Every instance may tick; the claim decides which one runs it. Occurrences missed for longer than the
 * catch-up window (the service was down) are skipped, and of several missed ones only the latest is sent.
 */
@Component
class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    private final ScheduleRepository schedules;
    private final RunClaims claims;
    private final ReportingProperties.Schedules settings;

    ScheduleTicker(ScheduleRepository schedules, RunClaims claims, ReportingProperties properties) {
        this.schedules = schedules;
        this.claims = claims;
        this.settings = properties.reporting().schedules();
    }

    /** @return how many runs this instance claimed */
    int tick(Instant now, String instance) {
        Map<Long, Instant> lastClaimed = schedules.lastScheduledOccurrences();
        int claimed = 0;
        for (ReportSchedule schedule : schedules.all()) {
            Instant after = latest(schedule.createdAt(), now.minus(settings.catchUp()), lastClaimed.get(schedule.id()));
            Optional<Instant> due = CronSchedule.parse(schedule.cron()).latestBetween(after, now, schedule.zone());
            if (due.isPresent()) {
                Optional<Long> run = claims.claim(schedule, due.get(), RunRepository.SCHEDULED, instance);
                if (run.isPresent()) {
                    log.info(
                            "Report schedule {} ({}): claimed occurrence {} as run {}",
                            schedule.id(),
                            schedule.name(),
                            due.get(),
                            run.get());
                    claimed++;
                }
            }
        }
        return claimed;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant latest = a.isAfter(b) ? a : b;
        return c != null && c.isAfter(latest) ? c : latest;
    }
}
