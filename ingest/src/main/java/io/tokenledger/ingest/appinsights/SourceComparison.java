package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_BIN;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import io.tokenledger.pricing.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens per tenant, business day and source for the deployments that both Event Hubs and Application Insights fed
 * in a range: the raw material of reconciliation (reporting flags the differences).
 *
 * <p>Where the metrics are booked ({@code mode=ledger}) both sides are read from {@code usage_event}, whose rows know
 * their source (the rollups do not), so the cost grows with the events in the range. Where they only serve
 * reconciliation ({@code mode=reconcile}) the App Insights side is read from the counted bins; a bin's tenant is the
 * one its tenant dimension (e.g. the APIM subscription id) was charged to on the Event Hubs side, else the dimension's
 * value itself.
 */
@Service
public class SourceComparison {

    /** The source of APIM's {@code log-to-eventhub} records. */
    public static final String EVENT_HUBS = "eventhubs";

    /** The source of the token metrics pulled from Application Insights. */
    public static final String APP_INSIGHTS = AppInsightsSource.SOURCE;

    private static final Set<String> SOURCES = Set.of(EVENT_HUBS, APP_INSIGHTS);

    private final DSLContext dsl;
    private final AppInsights settings;
    private final BusinessCalendar calendar;

    @Autowired
    SourceComparison(DSLContext dsl, IngestProperties properties, BusinessCalendar calendar) {
        this(dsl, properties.appinsights(), calendar);
    }

    SourceComparison(DSLContext dsl, AppInsights settings, BusinessCalendar calendar) {
        this.dsl = dsl;
        this.settings = settings;
        this.calendar = calendar;
    }

    /**
     * One tenant's tokens on one day from one source.
     *
     * @param tokens prompt + completion tokens
     */
    public record SourceDay(String tenant, LocalDate day, String source, long tokens, long requests) {}

    /**
     * @param from first business day, inclusive
     * @param to last business day, inclusive
     * @param tenants only these tenants; empty for every tenant
     * @return per tenant, day and source (only {@link #EVENT_HUBS} and {@link #APP_INSIGHTS}), in tenant, day and
     *     source order, for the deployments both sources fed in the range
     */
    @Transactional(readOnly = true)
    public List<SourceDay> tokensBySource(LocalDate from, LocalDate to, Optional<Set<String>> tenants) {
        return settings.booksUsage() ? fromLedger(from, to, tenants) : fromBins(from, to, tenants);
    }

    private List<SourceDay> fromLedger(LocalDate from, LocalDate to, Optional<Set<String>> tenants) {
        var e = USAGE_EVENT;
        Condition inRange = e.USAGE_DAY.between(from, to).and(e.SOURCE.in(SOURCES));
        var fedByBoth = DSL.select(e.DEPLOYMENT)
                .from(e)
                .where(inRange)
                .groupBy(e.DEPLOYMENT)
                .having(DSL.countDistinct(e.SOURCE).eq(SOURCES.size()));
        Condition condition = inRange.and(e.DEPLOYMENT.in(fedByBoth));
        if (tenants.isPresent()) {
            condition = condition.and(e.TENANT_KEY.in(tenants.get()));
        }
        Field<BigDecimal> tokens = DSL.sum(e.PROMPT_TOKENS.plus(e.COMPLETION_TOKENS));
        Field<BigDecimal> requests = DSL.sum(e.REQUESTS);
        return dsl.select(e.TENANT_KEY, e.USAGE_DAY, e.SOURCE, tokens, requests)
                .from(e)
                .where(condition)
                .groupBy(e.TENANT_KEY, e.USAGE_DAY, e.SOURCE)
                .orderBy(e.TENANT_KEY, e.USAGE_DAY, e.SOURCE)
                .fetch(row -> new SourceDay(
                        row.value1(), row.value2(), row.value3(), count(row.value4()), count(row.value5())));
    }

    /** One side's sums of a (tenant, deployment, day). */
    private record Part(
            String tenantValue, String tenant, String deployment, LocalDate day, long tokens, long requests) {}

    private List<SourceDay> fromBins(LocalDate from, LocalDate to, Optional<Set<String>> tenants) {
        var e = USAGE_EVENT;
        Field<String> raw = rawTenantField();
        List<Part> eventHubs = dsl.select(
                        raw,
                        e.TENANT_KEY,
                        e.DEPLOYMENT,
                        e.USAGE_DAY,
                        DSL.sum(e.PROMPT_TOKENS.plus(e.COMPLETION_TOKENS)),
                        DSL.sum(e.REQUESTS))
                .from(e)
                .where(e.USAGE_DAY.between(from, to).and(e.SOURCE.eq(EVENT_HUBS)))
                .groupBy(raw, e.TENANT_KEY, e.DEPLOYMENT, e.USAGE_DAY)
                .fetch(row -> new Part(
                        row.value1(),
                        row.value2(),
                        row.value3(),
                        row.value4(),
                        count(row.value5()),
                        count(row.value6())));

        var b = APPINSIGHTS_BIN;
        ZoneId zone = calendar.zone();
        Field<LocalDate> day = DSL.field(
                "cast(({0} at time zone {1}) as date)", SQLDataType.LOCALDATE, b.BIN_START, DSL.inline(zone.getId()));
        Field<String> tenantDimension = DSL.field("{0} ->> 'tenant'", SQLDataType.VARCHAR, b.DIMENSIONS);
        Field<String> deploymentDimension = DSL.field("{0} ->> 'deployment'", SQLDataType.VARCHAR, b.DIMENSIONS);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, String> tenantOfValue = new HashMap<>();
        eventHubs.forEach(part -> tenantOfValue.putIfAbsent(part.tenantValue(), part.tenant()));
        List<Part> appInsights = dsl.select(
                        tenantDimension,
                        deploymentDimension,
                        day,
                        DSL.sum(b.PROMPT_TOKENS.plus(b.COMPLETION_TOKENS)),
                        DSL.sum(b.REQUESTS))
                .from(b)
                .where(b.BIN_START.ge(start.atOffset(ZoneOffset.UTC)))
                .and(b.BIN_START.lt(end.atOffset(ZoneOffset.UTC)))
                .groupBy(tenantDimension, deploymentDimension, day)
                .fetch(row -> {
                    String value = row.value1() == null ? "" : row.value1();
                    String deployment = row.value2() == null || row.value2().isEmpty()
                            ? AppInsightsSource.UNKNOWN_DEPLOYMENT
                            : row.value2();
                    String tenant = tenantOfValue.getOrDefault(value, value.isEmpty() ? "unassigned" : value);
                    return new Part(value, tenant, deployment, row.value3(), count(row.value4()), count(row.value5()));
                });

        Set<String> both = new HashSet<>();
        eventHubs.forEach(part -> both.add(part.deployment()));
        both.retainAll(appInsights.stream().map(Part::deployment).toList());
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, SourceDay> keys = new HashMap<>();
        add(eventHubs, EVENT_HUBS, both, tenants, sums, keys);
        add(appInsights, APP_INSIGHTS, both, tenants, sums, keys);
        List<SourceDay> days = new ArrayList<>();
        sums.forEach((key, value) -> {
            SourceDay template = keys.get(key);
            days.add(new SourceDay(template.tenant(), template.day(), template.source(), value[0], value[1]));
        });
        days.sort(Comparator.comparing(SourceDay::tenant)
                .thenComparing(SourceDay::day)
                .thenComparing(SourceDay::source));
        return days;
    }

    private static void add(
            List<Part> parts,
            String source,
            Set<String> deployments,
            Optional<Set<String>> tenants,
            Map<String, long[]> sums,
            Map<String, SourceDay> keys) {
        for (Part part : parts) {
            if (!deployments.contains(part.deployment())
                    || (tenants.isPresent() && !tenants.get().contains(part.tenant()))) {
                continue;
            }
            String key = part.tenant() + "\u0000" + part.day() + "\u0000" + source;
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += part.tokens();
            sum[1] += part.requests();
            keys.putIfAbsent(key, new SourceDay(part.tenant(), part.day(), source, 0, 0));
        }
    }

    /** The usage-event field the tenant dimension corresponds to. */
    private Field<String> rawTenantField() {
        return switch (settings.tenantField()) {
            case "subscriptionName" -> USAGE_EVENT.SUBSCRIPTION_NAME;
            case "tenant" -> USAGE_EVENT.TENANT;
            default -> USAGE_EVENT.SUBSCRIPTION_ID;
        };
    }

    private static long count(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }
}
