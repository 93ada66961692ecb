package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_WATERMARK;

import io.tokenledger.db.jooq.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * {@code appinsights_watermark}: per source how far it has been read, and which instance holds the pull. Claims use
 * the database's clock, so instances with skewed clocks still agree on when a lease ran out.
 */
@Repository
class WatermarkRepository {

    private static final Field<OffsetDateTime> NOW = DSL.currentOffsetDateTime();

    private final DSLContext dsl;

    WatermarkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Claims the source's pull for {@code owner} unless another instance holds an unexpired claim.
     *
     * @return the watermark (empty inside when never read) when claimed; empty when someone else pulls
     */
    Optional<Optional<Instant>> claim(String source, String owner, Duration lease) {
        var w = APPINSIGHTS_WATERMARK;
        Field<OffsetDateTime> until = nowPlus(lease);
        return dsl.insertInto(w)
                .set(w.SOURCE_KEY, source)
                .set(w.CLAIMED_BY, owner)
                .set(w.CLAIMED_UNTIL, until)
                .set(w.LAST_PULL_AT, NOW)
                .set(w.UPDATED_AT, NOW)
                .onConflictOnConstraint(Keys.APPINSIGHTS_WATERMARK_PK)
                .doUpdate()
                .set(w.CLAIMED_BY, owner)
                .set(w.CLAIMED_UNTIL, until)
                .set(w.LAST_PULL_AT, NOW)
                .set(w.UPDATED_AT, NOW)
                .where(w.CLAIMED_UNTIL.isNull().or(w.CLAIMED_UNTIL.lt(NOW)).or(w.CLAIMED_BY.eq(owner)))
                .returning(w.INGESTED_TO)
                .fetchOptional()
                .map(row -> Optional.ofNullable(row.getIngestedTo()).map(OffsetDateTime::toInstant));
    }

    /** Locks the source's row for this transaction; true when {@code owner} still holds the claim. */
    boolean lockClaim(String source, String owner) {
        var w = APPINSIGHTS_WATERMARK;
        return dsl.select(w.CLAIMED_BY)
                .from(w)
                .where(w.SOURCE_KEY.eq(source))
                .forUpdate()
                .fetchOptional(w.CLAIMED_BY)
                .filter(owner::equals)
                .isPresent();
    }

    /** Moves the watermark forward to {@code to} (never back) and renews the claim. */
    void advance(String source, String owner, Instant to, Duration lease) {
        var w = APPINSIGHTS_WATERMARK;
        OffsetDateTime target = to.atOffset(ZoneOffset.UTC);
        dsl.update(w)
                .set(w.INGESTED_TO, DSL.greatest(DSL.coalesce(w.INGESTED_TO, DSL.val(target)), DSL.val(target)))
                .set(w.CLAIMED_UNTIL, nowPlus(lease))
                .set(w.LAST_SUCCESS_AT, NOW)
                .set(w.LAST_ERROR, (String) null)
                .set(w.UPDATED_AT, NOW)
                .where(w.SOURCE_KEY.eq(source))
                .and(w.CLAIMED_BY.eq(owner))
                .execute();
    }

    /** Ends the claim, with the error of the pull if it failed. */
    void release(String source, String owner, String error) {
        var w = APPINSIGHTS_WATERMARK;
        var update = dsl.update(w)
                .set(w.CLAIMED_BY, (String) null)
                .set(w.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(w.UPDATED_AT, NOW);
        if (error != null) {
            update = update.set(w.LAST_ERROR, error);
        }
        update.where(w.SOURCE_KEY.eq(source)).and(w.CLAIMED_BY.eq(owner)).execute();
    }

    Optional<StoredWatermark> find(String source) {
        var w = APPINSIGHTS_WATERMARK;
        return dsl.selectFrom(w)
                .where(w.SOURCE_KEY.eq(source))
                .fetchOptional(row -> new StoredWatermark(
                        toInstant(row.getIngestedTo()),
                        row.getClaimedBy(),
                        toInstant(row.getLastPullAt()),
                        toInstant(row.getLastSuccessAt()),
                        row.getLastError()));
    }

    private static Field<OffsetDateTime> nowPlus(Duration lease) {
        return DSL.field(
                "(current_timestamp + cast({0} as interval))",
                SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(lease.toMillis() + " milliseconds"));
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A source's row as stored. */
    record StoredWatermark(
            Instant ingestedTo, String claimedBy, Instant lastPullAt, Instant lastSuccessAt, String lastError) {}
}
