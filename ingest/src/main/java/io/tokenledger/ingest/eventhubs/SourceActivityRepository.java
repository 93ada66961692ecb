package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.DEAD_LETTER;
import static io.tokenledger.db.jooq.Tables.INGEST_SOURCE_ACTIVITY;

import io.tokenledger.db.jooq.Keys;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Recent activity of each source: one row per source, upserted once per batch with two per-minute buckets (like the
 * partition status), and the dead letters of the last hour through {@code dead_letter_received_ix}.
 */
@Repository
class SourceActivityRepository {

    private final DSLContext dsl;

    SourceActivityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Adds {@code events} received records to the source's current minute, in the caller's own small transaction
     * after the batch has committed. That commit does not wait for the disk: this is a status, not the ledger, and
     * losing its last update in a crash costs nothing, while waiting for a second WAL flush per batch would.
     */
    void record(String source, long events, Instant now) {
        dsl.execute("set local synchronous_commit = off");
        var a = INGEST_SOURCE_ACTIVITY;
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime minute = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        dsl.insertInto(a)
                .set(a.SOURCE, source)
                .set(a.LAST_EVENT_AT, at)
                .set(a.MINUTE_START, minute)
                .set(a.EVENTS_THIS_MINUTE, events)
                .set(a.EVENTS_PREVIOUS_MINUTE, 0L)
                .onConflictOnConstraint(Keys.INGEST_SOURCE_ACTIVITY_PK)
                .doUpdate()
                .set(a.LAST_EVENT_AT, DSL.greatest(a.LAST_EVENT_AT, DSL.val(at)))
                .set(
                        a.EVENTS_PREVIOUS_MINUTE,
                        DSL.when(a.MINUTE_START.eq(minute), a.EVENTS_PREVIOUS_MINUTE)
                                .when(a.MINUTE_START.eq(minute.minusMinutes(1)), a.EVENTS_THIS_MINUTE)
                                .otherwise(0L))
                .set(
                        a.EVENTS_THIS_MINUTE,
                        DSL.when(a.MINUTE_START.eq(minute), a.EVENTS_THIS_MINUTE.plus(events))
                                .otherwise(events))
                .set(a.MINUTE_START, DSL.greatest(a.MINUTE_START, DSL.val(minute)))
                .execute();
    }

    Optional<Activity> find(String source) {
        return dsl.selectFrom(INGEST_SOURCE_ACTIVITY)
                .where(INGEST_SOURCE_ACTIVITY.SOURCE.eq(source))
                .fetchOptional(row -> new Activity(
                        row.getLastEventAt().toInstant(),
                        new MinuteBuckets(
                                row.getMinuteStart().toInstant(),
                                row.getEventsThisMinute(),
                                row.getEventsPreviousMinute())));
    }

    /** Dead letters of the source received since {@code since}. */
    long deadLettersSince(String source, Instant since) {
        return dsl.fetchCount(
                DEAD_LETTER,
                DEAD_LETTER.RECEIVED_AT.ge(since.atOffset(ZoneOffset.UTC)).and(DEAD_LETTER.SOURCE.eq(source)));
    }

    /** Dead letters of the source received since {@code since}, per {@code <stream>/<partition>}. */
    Map<String, Long> deadLettersByPartitionSince(String source, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        dsl.select(DEAD_LETTER.SOURCE_STREAM, DEAD_LETTER.SOURCE_PARTITION, DSL.count())
                .from(DEAD_LETTER)
                .where(DEAD_LETTER.RECEIVED_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .and(DEAD_LETTER.SOURCE.eq(source))
                .and(DEAD_LETTER.SOURCE_PARTITION.isNotNull())
                .groupBy(DEAD_LETTER.SOURCE_STREAM, DEAD_LETTER.SOURCE_PARTITION)
                .forEach(row -> counts.put(row.value1() + "/" + row.value2(), (long) row.value3()));
        return counts;
    }

    /** A source's last event and per-minute counts. */
    record Activity(Instant lastEventAt, MinuteBuckets rate) {}
}
