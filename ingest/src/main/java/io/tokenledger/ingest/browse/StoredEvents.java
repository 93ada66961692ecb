package io.tokenledger.ingest.browse;

import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import io.tokenledger.pricing.BusinessCalendar;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One tenant's stored events, newest first, a bounded page at a time. The keyset (event time, event id) and the
 * index {@code usage_event_tenant_hash_time_ix (hashtext(tenant_key), event_time)} make every page an index range
 * scan, however long the tenant's history (ties on the time are sorted by id, a few rows at most); the business-day
 * filter is also turned into an event-time range (a day wider on each side, since days are in the business time
 * zone) so that the scan starts and stops near the days asked for. The index keys the tenant by its hash (decision
 * 0012), so every query over it asks for the hash and the key.
 */
@Service
public class StoredEvents {

    public static final int MAX_PAGE = 500;

    private static final Field<BigDecimal> REQUESTS = DSL.sum(USAGE_EVENT.REQUESTS);
    private static final Field<BigDecimal> TOKENS =
            DSL.sum(USAGE_EVENT.PROMPT_TOKENS.plus(USAGE_EVENT.COMPLETION_TOKENS));
    private static final Field<BigDecimal> COST = DSL.sum(USAGE_EVENT.COST);

    /** The leading column of the drill-down's index; equal hashes of two tenants are told apart by the key. */
    private static final Field<Integer> TENANT_HASH = hashtext(USAGE_EVENT.TENANT_KEY);

    private static final Field<Integer> UNPRICED = DSL.count().filterWhere(USAGE_EVENT.COST.isNull());

    private final DSLContext dsl;
    private final DSLContext inlined;
    private final BusinessCalendar calendar;

    StoredEvents(DSLContext dsl, BusinessCalendar calendar) {
        this.dsl = dsl;
        // Pages are read with their values inlined, so PostgreSQL plans each with the tenant and days at hand. A
        // prepared statement's generic plan cannot know that a tenant has millions of rows and chose a bitmap scan
        // and sort of all of them (1.5 s at 10M events) instead of the ordered index scan that stops after a page.
        this.inlined = dsl.configuration()
                .deriveSettings(settings -> settings.withStatementType(StatementType.STATIC_STATEMENT))
                .dsl();
        this.calendar = calendar;
    }

    /** Up to {@code limit} events after {@code after} (from the newest when empty). */
    @Transactional(readOnly = true)
    public EventPage page(EventFilter filter, Optional<EventCursor> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        Condition condition = matching(filter);
        if (after.isPresent()) {
            OffsetDateTime time = after.get().eventTime().atOffset(ZoneOffset.UTC);
            condition = condition.and(DSL.row(USAGE_EVENT.EVENT_TIME, USAGE_EVENT.EVENT_ID)
                    .lt(time, after.get().eventId()));
        }
        // The ordered scan of usage_event_tenant_hash_time_ix that stops after a page is the plan for this query
        // whatever the statistics say. Before usage_event's first ANALYZE (a bulk load, a restored backup)
        // PostgreSQL's default estimates made a bitmap scan of the tenant's whole period and a sort look cheaper:
        // 0.5-9 s instead of ms.
        dsl.execute("set local enable_bitmapscan = off");
        List<StoredEvent> rows = inlined.select(
                        USAGE_EVENT.EVENT_ID,
                        USAGE_EVENT.EVENT_TIME,
                        USAGE_EVENT.USAGE_DAY,
                        USAGE_EVENT.DEPLOYMENT,
                        USAGE_EVENT.MODEL,
                        USAGE_EVENT.USER_ID,
                        USAGE_EVENT.SUBSCRIPTION_NAME,
                        USAGE_EVENT.SUBSCRIPTION_ID,
                        USAGE_EVENT.REQUESTS,
                        USAGE_EVENT.PROMPT_TOKENS,
                        USAGE_EVENT.CACHED_PROMPT_TOKENS,
                        USAGE_EVENT.COMPLETION_TOKENS,
                        USAGE_EVENT.REASONING_TOKENS,
                        USAGE_EVENT.COST,
                        USAGE_EVENT.STATUS_CODE)
                .from(USAGE_EVENT)
                .where(condition)
                .orderBy(USAGE_EVENT.EVENT_TIME.desc(), USAGE_EVENT.EVENT_ID.desc())
                .limit(limit + 1)
                .fetch(row -> new StoredEvent(
                        row.get(USAGE_EVENT.EVENT_ID),
                        row.get(USAGE_EVENT.EVENT_TIME).toInstant(),
                        row.get(USAGE_EVENT.USAGE_DAY),
                        row.get(USAGE_EVENT.DEPLOYMENT),
                        emptyToNull(row.get(USAGE_EVENT.MODEL)),
                        row.get(USAGE_EVENT.USER_ID),
                        row.get(USAGE_EVENT.SUBSCRIPTION_NAME) != null
                                ? row.get(USAGE_EVENT.SUBSCRIPTION_NAME)
                                : row.get(USAGE_EVENT.SUBSCRIPTION_ID),
                        row.get(USAGE_EVENT.REQUESTS),
                        row.get(USAGE_EVENT.PROMPT_TOKENS),
                        row.get(USAGE_EVENT.CACHED_PROMPT_TOKENS),
                        row.get(USAGE_EVENT.COMPLETION_TOKENS),
                        row.get(USAGE_EVENT.REASONING_TOKENS),
                        row.get(USAGE_EVENT.COST),
                        row.get(USAGE_EVENT.STATUS_CODE)));
        if (rows.size() <= limit) {
            return new EventPage(rows, Optional.empty());
        }
        List<StoredEvent> page = rows.subList(0, limit);
        StoredEvent last = page.getLast();
        return new EventPage(page, Optional.of(new EventCursor(last.eventTime(), last.eventId())));
    }

    /** The tenant's usage per user in the filter's days, largest cost first, at most {@code limit} users. */
    @Transactional(readOnly = true)
    public List<UserUsage> byUser(EventFilter filter, int limit) {
        return dsl.select(USAGE_EVENT.USER_ID, REQUESTS, TOKENS, COST, UNPRICED)
                .from(USAGE_EVENT)
                .where(matching(filter))
                .groupBy(USAGE_EVENT.USER_ID)
                .orderBy(COST.desc().nullsLast(), REQUESTS.desc())
                .limit(limit)
                .fetch(row -> new UserUsage(
                        row.get(USAGE_EVENT.USER_ID),
                        row.get(REQUESTS) == null ? 0 : row.get(REQUESTS).longValue(),
                        row.get(TOKENS) == null ? 0 : row.get(TOKENS).longValue(),
                        row.get(COST) == null ? BigDecimal.ZERO : row.get(COST),
                        row.get(UNPRICED)));
    }

    private Condition matching(EventFilter filter) {
        OffsetDateTime earliest =
                filter.from().minusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime latest =
                filter.to().plusDays(2).atStartOfDay(calendar.zone()).toOffsetDateTime();
        Condition condition = TENANT_HASH
                .eq(hashtext(DSL.val(filter.tenant())))
                .and(USAGE_EVENT.TENANT_KEY.eq(filter.tenant()))
                .and(USAGE_EVENT.EVENT_TIME.ge(earliest))
                .and(USAGE_EVENT.EVENT_TIME.lt(latest))
                .and(USAGE_EVENT.USAGE_DAY.between(filter.from(), filter.to()));
        if (filter.deployment() != null) {
            condition = condition.and(USAGE_EVENT.DEPLOYMENT.eq(filter.deployment()));
        }
        if (filter.model() != null) {
            condition = condition.and(USAGE_EVENT.MODEL.eq(filter.model()));
        }
        if (filter.user() != null) {
            condition = condition.and(USAGE_EVENT.USER_ID.eq(filter.user()));
        }
        return condition;
    }

    /** PostgreSQL's hash of a text, as the drill-down's index keys tenants (V13). */
    private static Field<Integer> hashtext(Field<String> text) {
        return DSL.field("hashtext({0})", Integer.class, text);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
