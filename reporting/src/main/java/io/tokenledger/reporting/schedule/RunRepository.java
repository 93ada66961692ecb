package io.tokenledger.reporting.schedule;

import static io.tokenledger.db.jooq.Tables.REPORT_DELIVERY;
import static io.tokenledger.db.jooq.Tables.REPORT_RUN;
import static io.tokenledger.db.jooq.Tables.REPORT_SCHEDULE;
import static io.tokenledger.reporting.schedule.ScheduleRepository.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Runs and their messages; the claims that make each occurrence and each attempt happen once. */
@Repository
class RunRepository {

    static final String SCHEDULED = "schedule";
    static final String MANUAL = "manual";

    private final DSLContext dsl;

    RunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Claims an occurrence: the first instance to insert it gets the run's id, every other one (now or later) gets
     * nothing, because of the unique key on (schedule, occurrence).
     */
    Optional<Long> claim(long scheduleId, Instant occurrence, String trigger, YearMonth period, String instance) {
        return dsl.insertInto(REPORT_RUN)
                .set(REPORT_RUN.REPORT_SCHEDULE_ID, scheduleId)
                .set(REPORT_RUN.OCCURRENCE, utc(occurrence))
                .set(REPORT_RUN.TRIGGER, trigger)
                .set(REPORT_RUN.PERIOD, period.atDay(1))
                .set(REPORT_RUN.CLAIMED_BY, instance)
                .onConflictOnConstraint(io.tokenledger.db.jooq.Keys.REPORT_RUN_OCCURRENCE_UK)
                .doNothing()
                .returning(REPORT_RUN.REPORT_RUN_ID)
                .fetchOptional(REPORT_RUN.REPORT_RUN_ID);
    }

    void addDelivery(long runId, String tenant, List<String> recipients, Instant due) {
        dsl.insertInto(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.REPORT_RUN_ID, runId)
                .set(REPORT_DELIVERY.TENANT_KEY, tenant)
                .set(REPORT_DELIVERY.RECIPIENTS, recipients.toArray(String[]::new))
                .set(REPORT_DELIVERY.STATE, "pending")
                .set(REPORT_DELIVERY.NEXT_ATTEMPT_AT, utc(due))
                .execute();
    }

    /** A message that cannot be sent at all (e.g. a tenant without owners), recorded as failed. */
    void addFailedDelivery(long runId, String tenant, List<String> recipients, Instant now, String reason) {
        dsl.insertInto(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.REPORT_RUN_ID, runId)
                .set(REPORT_DELIVERY.TENANT_KEY, tenant)
                .set(REPORT_DELIVERY.RECIPIENTS, recipients.toArray(String[]::new))
                .set(REPORT_DELIVERY.STATE, "failed")
                .set(REPORT_DELIVERY.NEXT_ATTEMPT_AT, utc(now))
                .set(REPORT_DELIVERY.LAST_ERROR, reason)
                .execute();
    }

    /** What an attempt needs to know about its message. */
    record DueDelivery(
            long id,
            long runId,
            long scheduleId,
            String tenant,
            List<String> recipients,
            int attempt,
            YearMonth period,
            String scope,
            String format) {}

    /**
     * Claims the next message that is due (or whose attempt's lease ran out) with one atomic update, so that two
     * instances never attempt the same message at once; the attempt count goes up with the claim.
     */
    Optional<DueDelivery> claimDue(Instant now, Duration lease) {
        Condition due = REPORT_DELIVERY
                .STATE
                .eq("pending")
                .and(REPORT_DELIVERY.NEXT_ATTEMPT_AT.le(utc(now)))
                .or(REPORT_DELIVERY.STATE.eq("sending").and(REPORT_DELIVERY.LEASE_UNTIL.lt(utc(now))));
        var next = dsl.select(REPORT_DELIVERY.REPORT_DELIVERY_ID)
                .from(REPORT_DELIVERY)
                .where(due)
                .orderBy(REPORT_DELIVERY.NEXT_ATTEMPT_AT, REPORT_DELIVERY.REPORT_DELIVERY_ID)
                .limit(1)
                .forUpdate()
                .skipLocked();
        Optional<Long> claimed = dsl.update(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.STATE, "sending")
                .set(REPORT_DELIVERY.LEASE_UNTIL, utc(now.plus(lease)))
                .set(REPORT_DELIVERY.ATTEMPTS, REPORT_DELIVERY.ATTEMPTS.plus(1))
                .where(REPORT_DELIVERY.REPORT_DELIVERY_ID.eq(next))
                .and(due)
                .returning(REPORT_DELIVERY.REPORT_DELIVERY_ID)
                .fetchOptional(REPORT_DELIVERY.REPORT_DELIVERY_ID);
        return claimed.map(id -> dsl.select(
                        REPORT_DELIVERY.REPORT_DELIVERY_ID,
                        REPORT_DELIVERY.REPORT_RUN_ID,
                        REPORT_RUN.REPORT_SCHEDULE_ID,
                        REPORT_DELIVERY.TENANT_KEY,
                        REPORT_DELIVERY.RECIPIENTS,
                        REPORT_DELIVERY.ATTEMPTS,
                        REPORT_RUN.PERIOD,
                        REPORT_SCHEDULE.SCOPE,
                        REPORT_SCHEDULE.FORMAT)
                .from(REPORT_DELIVERY)
                .join(REPORT_RUN)
                .on(REPORT_RUN.REPORT_RUN_ID.eq(REPORT_DELIVERY.REPORT_RUN_ID))
                .join(REPORT_SCHEDULE)
                .on(REPORT_SCHEDULE.REPORT_SCHEDULE_ID.eq(REPORT_RUN.REPORT_SCHEDULE_ID))
                .where(REPORT_DELIVERY.REPORT_DELIVERY_ID.eq(id))
                .fetchSingle(row -> new DueDelivery(
                        row.value1(),
                        row.value2(),
                        row.value3(),
                        row.value4(),
                        List.of(row.value5()),
                        row.value6(),
                        YearMonth.from(row.value7()),
                        row.value8(),
                        row.value9())));
    }

    void markSent(long deliveryId, Instant now) {
        dsl.update(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.STATE, "sent")
                .set(REPORT_DELIVERY.SENT_AT, utc(now))
                .setNull(REPORT_DELIVERY.LEASE_UNTIL)
                .where(REPORT_DELIVERY.REPORT_DELIVERY_ID.eq(deliveryId))
                .execute();
    }

    void markRetry(long deliveryId, String error, Instant nextAttempt) {
        dsl.update(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.STATE, "pending")
                .set(REPORT_DELIVERY.LAST_ERROR, error)
                .set(REPORT_DELIVERY.NEXT_ATTEMPT_AT, utc(nextAttempt))
                .setNull(REPORT_DELIVERY.LEASE_UNTIL)
                .where(REPORT_DELIVERY.REPORT_DELIVERY_ID.eq(deliveryId))
                .execute();
    }

    void markFailed(long deliveryId, String error) {
        dsl.update(REPORT_DELIVERY)
                .set(REPORT_DELIVERY.STATE, "failed")
                .set(REPORT_DELIVERY.LAST_ERROR, error)
                .setNull(REPORT_DELIVERY.LEASE_UNTIL)
                .where(REPORT_DELIVERY.REPORT_DELIVERY_ID.eq(deliveryId))
                .execute();
    }

    /** The latest runs, of one schedule or of all, newest first, with their messages. */
    List<ReportRun> runs(Optional<Long> scheduleId, int limit) {
        Condition condition =
                scheduleId.map(REPORT_RUN.REPORT_SCHEDULE_ID::eq).orElse(org.jooq.impl.DSL.trueCondition());
        Map<Long, Record> runs = new LinkedHashMap<>();
        dsl.select(REPORT_RUN.fields())
                .select(REPORT_SCHEDULE.NAME)
                .from(REPORT_RUN)
                .join(REPORT_SCHEDULE)
                .on(REPORT_SCHEDULE.REPORT_SCHEDULE_ID.eq(REPORT_RUN.REPORT_SCHEDULE_ID))
                .where(condition)
                .orderBy(REPORT_RUN.CLAIMED_AT.desc(), REPORT_RUN.REPORT_RUN_ID.desc())
                .limit(limit)
                .forEach(row -> runs.put(row.get(REPORT_RUN.REPORT_RUN_ID), row));
        Map<Long, List<ReportDelivery>> deliveries = new LinkedHashMap<>();
        if (!runs.isEmpty()) {
            dsl.selectFrom(REPORT_DELIVERY)
                    .where(REPORT_DELIVERY.REPORT_RUN_ID.in(runs.keySet()))
                    .orderBy(REPORT_DELIVERY.REPORT_DELIVERY_ID)
                    .forEach(row -> deliveries
                            .computeIfAbsent(row.getReportRunId(), key -> new ArrayList<>())
                            .add(new ReportDelivery(
                                    row.getReportDeliveryId(),
                                    row.getTenantKey(),
                                    List.of(row.getRecipients()),
                                    row.getState(),
                                    row.getAttempts(),
                                    instant(row.getNextAttemptAt()),
                                    row.getLastError(),
                                    instant(row.getSentAt()))));
        }
        List<ReportRun> result = new ArrayList<>();
        runs.forEach((id, row) -> result.add(new ReportRun(
                id,
                row.get(REPORT_RUN.REPORT_SCHEDULE_ID),
                row.get(REPORT_SCHEDULE.NAME),
                row.get(REPORT_RUN.OCCURRENCE).toInstant(),
                row.get(REPORT_RUN.TRIGGER),
                YearMonth.from(row.get(REPORT_RUN.PERIOD)),
                row.get(REPORT_RUN.CLAIMED_BY),
                row.get(REPORT_RUN.CLAIMED_AT).toInstant(),
                deliveries.getOrDefault(id, List.of()))));
        return result;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
