package io.tokenledger.reporting.alerts;

import static io.tokenledger.db.jooq.Tables.ALERT_CHANNEL;
import static io.tokenledger.db.jooq.Tables.ALERT_DELIVERY;
import static io.tokenledger.db.jooq.Tables.ALERT_DELIVERY_ATTEMPT;

import io.tokenledger.db.jooq.Keys;
import io.tokenledger.reporting.budgets.BudgetScope;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The outbox: one row per alert and channel, claimed by pollers with a lease, and every attempt's outcome. */
@Repository
class DeliveryRepository {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private final DSLContext dsl;

    DeliveryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A delivery a poller has claimed for one attempt ({@code attempt} counts from 1); alert null for a test. */
    record Claimed(long deliveryId, int attempt, Long alertId, long channelId) {}

    /**
     * Queues the alert for every active channel that receives it: global channels, the tenant's, and its cost
     * center's ({@code costCenter} may be null). In the alert's transaction, so recorded alert and queued messages
     * commit together.
     */
    int enqueue(long alertId, BudgetScope scope, String subject, String costCenter, Instant now) {
        Condition receives = ALERT_CHANNEL.SCOPE.eq(ChannelScope.GLOBAL.name());
        if (scope == BudgetScope.TENANT) {
            receives = receives.or(
                    ALERT_CHANNEL.SCOPE.eq(ChannelScope.TENANT.name()).and(ALERT_CHANNEL.SUBJECT.eq(subject)));
        }
        String center = scope == BudgetScope.COST_CENTER ? subject : costCenter;
        if (center != null) {
            receives = receives.or(
                    ALERT_CHANNEL.SCOPE.eq(ChannelScope.COST_CENTER.name()).and(ALERT_CHANNEL.SUBJECT.eq(center)));
        }
        return dsl.insertInto(
                        ALERT_DELIVERY,
                        ALERT_DELIVERY.ALERT_ID,
                        ALERT_DELIVERY.CHANNEL_ID,
                        ALERT_DELIVERY.NEXT_ATTEMPT_AT)
                .select(DSL.select(DSL.val(alertId), ALERT_CHANNEL.CHANNEL_ID, DSL.val(at(now)))
                        .from(ALERT_CHANNEL)
                        .where(ALERT_CHANNEL.DELETED_AT.isNull())
                        .and(receives)
                        .orderBy(ALERT_CHANNEL.CHANNEL_ID))
                .onConflictOnConstraint(Keys.ALERT_DELIVERY_ONCE_UK)
                .doNothing()
                .execute();
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each: rows another poller holds are skipped, and a
     * claim whose poller died is taken over when its lease ends.
     */
    List<Claimed> claimDue(Instant now, int limit, Duration lease) {
        var due = DSL.select(ALERT_DELIVERY.DELIVERY_ID)
                .from(ALERT_DELIVERY)
                .where(ALERT_DELIVERY.STATE.eq(PENDING))
                .and(ALERT_DELIVERY.NEXT_ATTEMPT_AT.le(at(now)))
                .and(ALERT_DELIVERY.LEASE_UNTIL.isNull().or(ALERT_DELIVERY.LEASE_UNTIL.le(at(now))))
                .orderBy(ALERT_DELIVERY.NEXT_ATTEMPT_AT, ALERT_DELIVERY.DELIVERY_ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.update(ALERT_DELIVERY)
                .set(ALERT_DELIVERY.LEASE_UNTIL, at(now.plus(lease)))
                .set(ALERT_DELIVERY.ATTEMPTS, ALERT_DELIVERY.ATTEMPTS.plus(1))
                .where(ALERT_DELIVERY.DELIVERY_ID.in(due))
                .returning(
                        ALERT_DELIVERY.DELIVERY_ID,
                        ALERT_DELIVERY.ATTEMPTS,
                        ALERT_DELIVERY.ALERT_ID,
                        ALERT_DELIVERY.CHANNEL_ID)
                .fetch(row ->
                        new Claimed(row.getDeliveryId(), row.getAttempts(), row.getAlertId(), row.getChannelId()));
    }

    /** A test message's delivery, claimed for its one and only attempt. */
    Claimed createTest(long channelId, Instant now) {
        return dsl.insertInto(ALERT_DELIVERY)
                .set(ALERT_DELIVERY.CHANNEL_ID, channelId)
                .set(ALERT_DELIVERY.ATTEMPTS, 1)
                .set(ALERT_DELIVERY.NEXT_ATTEMPT_AT, at(now))
                .set(ALERT_DELIVERY.LEASE_UNTIL, at(now.plus(Duration.ofMinutes(5))))
                .returning(ALERT_DELIVERY.DELIVERY_ID)
                .fetchSingle(row -> new Claimed(row.getDeliveryId(), 1, null, channelId));
    }

    /**
     * Records an attempt's outcome: {@code state} is DELIVERED, FAILED (given up) or PENDING with the next attempt
     * at {@code nextAttempt}. Ignored when another poller has taken the delivery over meanwhile.
     */
    void record(Claimed claimed, AlertSender.Outcome outcome, Instant at, String state, Instant nextAttempt) {
        dsl.insertInto(ALERT_DELIVERY_ATTEMPT)
                .set(ALERT_DELIVERY_ATTEMPT.DELIVERY_ID, claimed.deliveryId())
                .set(ALERT_DELIVERY_ATTEMPT.ATTEMPT, claimed.attempt())
                .set(ALERT_DELIVERY_ATTEMPT.ATTEMPTED_AT, at(at))
                .set(ALERT_DELIVERY_ATTEMPT.STATUS_CODE, outcome.status())
                .set(ALERT_DELIVERY_ATTEMPT.ERROR, outcome.error())
                .set(ALERT_DELIVERY_ATTEMPT.DURATION_MS, outcome.durationMillis())
                .onConflictDoNothing()
                .execute();
        dsl.update(ALERT_DELIVERY)
                .set(ALERT_DELIVERY.STATE, state)
                .set(ALERT_DELIVERY.LAST_STATUS, outcome.status())
                .set(ALERT_DELIVERY.LAST_ERROR, outcome.error())
                .set(ALERT_DELIVERY.DELIVERED_AT, DELIVERED.equals(state) ? at(at) : null)
                .set(
                        ALERT_DELIVERY.NEXT_ATTEMPT_AT,
                        nextAttempt == null ? ALERT_DELIVERY.NEXT_ATTEMPT_AT : DSL.val(at(nextAttempt)))
                .setNull(ALERT_DELIVERY.LEASE_UNTIL)
                .where(ALERT_DELIVERY.DELIVERY_ID.eq(claimed.deliveryId()))
                .and(ALERT_DELIVERY.ATTEMPTS.eq(claimed.attempt()))
                .and(ALERT_DELIVERY.STATE.eq(PENDING))
                .execute();
    }

    /** The newest deliveries first, with their channels; only those of {@code alertIds} when given. */
    List<DeliveryEntry> log(int limit, Collection<Long> alertIds) {
        Condition condition = alertIds == null ? DSL.noCondition() : ALERT_DELIVERY.ALERT_ID.in(alertIds);
        return dsl.select(
                        ALERT_DELIVERY.DELIVERY_ID,
                        ALERT_DELIVERY.ALERT_ID,
                        ALERT_DELIVERY.CHANNEL_ID,
                        ALERT_CHANNEL.KIND,
                        ALERT_CHANNEL.NAME,
                        ALERT_CHANNEL.URL,
                        ALERT_CHANNEL.DELETED_AT,
                        ALERT_DELIVERY.STATE,
                        ALERT_DELIVERY.ATTEMPTS,
                        ALERT_DELIVERY.LAST_STATUS,
                        ALERT_DELIVERY.LAST_ERROR,
                        ALERT_DELIVERY.CREATED_AT,
                        ALERT_DELIVERY.DELIVERED_AT,
                        ALERT_DELIVERY.NEXT_ATTEMPT_AT)
                .from(ALERT_DELIVERY)
                .join(ALERT_CHANNEL)
                .on(ALERT_CHANNEL.CHANNEL_ID.eq(ALERT_DELIVERY.CHANNEL_ID))
                .where(condition)
                .orderBy(ALERT_DELIVERY.DELIVERY_ID.desc())
                .limit(limit)
                .fetch(DeliveryRepository::toEntry);
    }

    private static DeliveryEntry toEntry(Record row) {
        AlertChannel channel = new AlertChannel(
                row.get(ALERT_DELIVERY.CHANNEL_ID),
                row.get(ALERT_CHANNEL.KIND),
                row.get(ALERT_CHANNEL.NAME),
                URI.create(row.get(ALERT_CHANNEL.URL)),
                ChannelScope.GLOBAL,
                null,
                null,
                null);
        return new DeliveryEntry(
                row.get(ALERT_DELIVERY.DELIVERY_ID),
                row.get(ALERT_DELIVERY.ALERT_ID),
                row.get(ALERT_DELIVERY.CHANNEL_ID),
                channel.type(),
                channel.displayName(),
                row.get(ALERT_CHANNEL.DELETED_AT) != null,
                DeliveryEntry.State.valueOf(row.get(ALERT_DELIVERY.STATE)),
                row.get(ALERT_DELIVERY.ATTEMPTS),
                row.get(ALERT_DELIVERY.LAST_STATUS),
                lastError(row.get(ALERT_DELIVERY.LAST_STATUS), row.get(ALERT_DELIVERY.LAST_ERROR)),
                instant(row.get(ALERT_DELIVERY.CREATED_AT)),
                instant(row.get(ALERT_DELIVERY.DELIVERED_AT)),
                instant(row.get(ALERT_DELIVERY.NEXT_ATTEMPT_AT)));
    }

    /**
     * What the last attempt came to, in words: the status code alone when the receiver answered, whatever was stored
     * (rows written before answers were stored as their status only carry the receiver's body after it).
     */
    private static String lastError(Integer status, String stored) {
        return status != null && (status < 200 || status >= 300) ? "HTTP " + status : stored;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
