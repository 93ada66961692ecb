package io.tokenledger.ingest.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.TokenCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The drill-down over {@code usage_event_tenant_hash_time_ix}, which keys tenants by the hash of their key: pages
 * hold one tenant's events only, also when another tenant's key has the same hash, in (time, id) order across ties
 * on the time; and every query over the tenant's events can be answered by that index.
 */
@SpringBootTest
@UsesTestDatabase
class StoredEventsIT {

    private static final LocalDate DAY = LocalDate.parse("2026-11-03");

    private final IngestPipeline pipeline;
    private final StoredEvents storedEvents;
    private final DSLContext dsl;
    private final BusinessCalendar calendar;
    private final TransactionTemplate transaction;

    @Autowired
    StoredEventsIT(
            IngestPipeline pipeline,
            StoredEvents storedEvents,
            DSLContext dsl,
            BusinessCalendar calendar,
            PlatformTransactionManager transactions) {
        this.pipeline = pipeline;
        this.storedEvents = storedEvents;
        this.dsl = dsl;
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void tenantsWhoseKeysShareAHashSeeOnlyTheirOwnEventsPageByPage() {
        List<String> pair = tenantsWithTheSameHash();
        String first = pair.get(0);
        String second = pair.get(1);
        List<UsageEvent> events = new ArrayList<>();
        Instant tie = Instant.parse("2026-11-03T10:00:00Z");
        for (int i = 0; i < 7; i++) {
            // three of the first tenant's events at the same instant: the keyset must page through the tie
            Instant time = i < 3 ? tie : tie.plusSeconds(60L * i);
            events.add(event(first + "-" + i, first, time));
            events.add(event(second + "-" + i, second, time.plusMillis(1)));
            events.add(event("other-" + i, "someone-else", time));
        }
        pipeline.ingest(
                "test",
                events.stream()
                        .<ParsedRecord>map(e -> new ParsedRecord.Valid(0, e.id(), e))
                        .toList());

        assertThat(allPages(first, 2)).containsExactlyElementsOf(newestFirst(events, first));
        assertThat(allPages(second, 3)).containsExactlyElementsOf(newestFirst(events, second));
    }

    @Test
    void theDrillDownsQueriesAreAnsweredByTheTenantHashIndex() {
        pipeline.ingest(
                "test",
                List.of(new ParsedRecord.Valid(0, "e1", event("e1", "acme", Instant.parse("2026-11-03T10:00:00Z")))));
        List<String> statements = new CopyOnWriteArrayList<>();
        StoredEvents capturing = new StoredEvents(
                dsl.configuration()
                        // as PostgreSQL would plan it: the page query's values are inlined, byUser's bound
                        .deriveAppending(ExecuteListener.onRenderEnd(ctx -> {
                            if (ctx.query() != null) {
                                statements.add(dsl.renderInlined(ctx.query()));
                            }
                        }))
                        .dsl(),
                calendar);
        EventFilter filter = new EventFilter("acme", DAY.minusDays(3), DAY, null, null, null);
        capturing.page(filter, Optional.of(new EventCursor(Instant.parse("2026-11-04T00:00:00Z"), "z")), 10);
        capturing.byUser(filter, 10);

        List<String> queries =
                statements.stream().filter(sql -> sql.contains("usage_event")).toList();
        assertThat(queries).hasSize(2);
        String hashedTenant = "Index Cond: ((hashtext(tenant_key) = ";
        // the page: an ordered scan of the tenant's entries that stops after the page, ties sorted by id
        assertThat(plan(queries.get(0)))
                .contains("Index Scan Backward using usage_event_tenant_hash_time_ix", hashedTenant)
                .contains("Presorted Key: event_time");
        // spend by user: the tenant's entries of the days only
        assertThat(plan(queries.get(1))).contains("using usage_event_tenant_hash_time_ix", hashedTenant);
    }

    /**
     * With sequential and bitmap scans priced out, as the page query runs: without the hash in its condition, the
     * index would still be scanned whole, with the tenant as a filter, and the index condition would not name it.
     */
    private String plan(String query) {
        return transaction.execute(status -> {
            dsl.execute("set local enable_seqscan = off");
            dsl.execute("set local enable_bitmapscan = off");
            return String.join("\n", dsl.fetch("explain " + query).getValues(0, String.class));
        });
    }

    private List<String> allPages(String tenant, int limit) {
        EventFilter filter = new EventFilter(tenant, DAY, DAY, null, null, null);
        List<String> ids = new ArrayList<>();
        Optional<EventCursor> after = Optional.empty();
        do {
            EventPage page = storedEvents.page(filter, after, limit);
            page.events().forEach(event -> ids.add(event.eventId()));
            after = page.next();
        } while (after.isPresent());
        return ids;
    }

    private static List<String> newestFirst(List<UsageEvent> events, String tenant) {
        return events.stream()
                .filter(e -> e.tenant().equals(tenant))
                .sorted(Comparator.comparing(UsageEvent::time)
                        .thenComparing(UsageEvent::id)
                        .reversed())
                .map(UsageEvent::id)
                .toList();
    }

    /** Two tenant keys with equal {@code hashtext}, found by PostgreSQL itself (32-bit hashes of 300,000 keys). */
    private List<String> tenantsWithTheSameHash() {
        List<String> pair = dsl.fetch("""
                        select k from (
                          select 'tenant-' || i as k, count(*) over (partition by hashtext('tenant-' || i)) as n,
                                 min(i) over (partition by hashtext('tenant-' || i)) as first
                          from generate_series(1, 300000) i
                        ) t where n > 1 order by first, k limit 2""").getValues(0, String.class);
        assertThat(pair).hasSize(2);
        assertThat(dsl.fetchValue("select hashtext(?) = hashtext(?)", pair.get(0), pair.get(1)))
                .isEqualTo(true);
        return pair;
    }

    private static UsageEvent event(String id, String tenant, Instant time) {
        return new UsageEvent(
                id,
                time,
                tenant,
                null,
                null,
                null,
                null,
                null,
                "user@" + tenant,
                null,
                "gpt-4o",
                "gpt-4o-2024-08-06",
                null,
                null,
                new TokenCounts(1000, 0, 200, 0),
                1,
                null,
                false,
                200,
                Map.of());
    }
}
