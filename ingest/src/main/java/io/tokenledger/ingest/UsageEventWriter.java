package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of events and their daily rollups with three round trips whatever the batch size: COPY into a
 * session-local staging table, then one statement that inserts the new events (a known id is skipped, which is
 * what makes a replay harmless), prices them with the {@link CostExpression} and adds the batch's per-day sums
 * to {@code usage_daily}, touching each hot rollup row once per batch.
 *
 * <p>COPY is plain SQL because jOOQ has no COPY; the statement is a jOOQ plain-SQL template so that the cost
 * formula stays the one in the pricing module.
 */
@Repository
class UsageEventWriter {

    private static final String COLUMNS = "event_id, event_time, usage_day, tenant_key, source, subscription_id,"
            + " subscription_name, product_id, api_id, operation_id, user_id, app_id, deployment, model, region,"
            + " backend_id, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, requests,"
            + " streaming, estimated, status_code, attributes";

    private static final String CREATE_STAGING = "create temporary table if not exists usage_staging ("
            + " event_id text, event_time timestamptz, usage_day date, tenant_key text, source text,"
            + " subscription_id text, subscription_name text, product_id text, api_id text, operation_id text,"
            + " user_id text, app_id text, deployment text, model text, region text, backend_id text,"
            + " prompt_tokens bigint, cached_prompt_tokens bigint, completion_tokens bigint,"
            + " reasoning_tokens bigint, requests integer, streaming boolean, estimated boolean,"
            + " status_code integer, attributes jsonb, rate_card_id bigint) on commit delete rows";

    private static final String TOKEN_SUMS =
            "requests, prompt_tokens, cached_prompt_tokens, completion_tokens," + " reasoning_tokens";

    private static final String INSERT_AND_ROLL_UP = "with inserted as ("
            + " insert into usage_event (" + COLUMNS + ", rate_card_id, cost)"
            + " select " + prefixed("s.", COLUMNS) + ", s.rate_card_id,"
            + " case when s.rate_card_id is null then null else {0} end"
            + " from usage_staging s left join rate_card on rate_card.rate_card_id = s.rate_card_id"
            // a fixed order, so that concurrent batches with overlapping ids lock them in the same order
            + " order by s.event_id"
            + " on conflict on constraint usage_event_pk do nothing"
            + " returning usage_day, tenant_key, deployment, model, " + TOKEN_SUMS + ", cost"
            + "), rolled_up as ("
            + " insert into usage_daily as d (usage_day, tenant_key, deployment, model, " + TOKEN_SUMS
            + ", cost, unpriced_requests)"
            + " select usage_day, tenant_key, deployment, model, sum(requests), sum(prompt_tokens),"
            + " sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), coalesce(sum(cost), 0),"
            + " coalesce(sum(requests) filter (where cost is null), 0)"
            + " from inserted group by usage_day, tenant_key, deployment, model"
            + " order by usage_day, tenant_key, deployment, model"
            + " on conflict on constraint usage_daily_pk do update set"
            + " requests = d.requests + excluded.requests,"
            + " prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,"
            + " cached_prompt_tokens = d.cached_prompt_tokens + excluded.cached_prompt_tokens,"
            + " completion_tokens = d.completion_tokens + excluded.completion_tokens,"
            + " reasoning_tokens = d.reasoning_tokens + excluded.reasoning_tokens,"
            + " cost = d.cost + excluded.cost,"
            + " unpriced_requests = d.unpriced_requests + excluded.unpriced_requests"
            + " returning 1"
            + ") select count(*) from inserted";

    private static final Field<java.math.BigDecimal> STAGED_COST = CostExpression.of(
            DSL.field("s.prompt_tokens", Long.class),
            DSL.field("s.cached_prompt_tokens", Long.class),
            DSL.field("s.completion_tokens", Long.class),
            DSL.field("s.reasoning_tokens", Long.class));

    private final DSLContext dsl;
    private final JsonMapper json;

    UsageEventWriter(DSLContext dsl) {
        this.dsl = dsl;
        this.json = JsonMapper.builder().build();
    }

    /** @return how many events were new (the rest had been stored before) */
    int write(List<StagedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        String rows = toCopyText(events);
        dsl.connection(connection -> copyIntoStaging(connection, rows));
        return dsl.resultQuery(INSERT_AND_ROLL_UP, STAGED_COST).fetchSingle().get(0, Integer.class);
    }

    private static void copyIntoStaging(Connection connection, String rows) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(CREATE_STAGING);
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy usage_staging (" + COLUMNS + ", rate_card_id) from stdin (format csv)",
                            new StringReader(rows));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into usage_staging failed", e);
        }
    }

    private String toCopyText(List<StagedEvent> events) {
        CopyRows rows = new CopyRows(events.size());
        for (StagedEvent staged : events) {
            UsageEvent e = staged.event();
            rows.text(e.id())
                    .text(e.time().toString())
                    .text(staged.day().toString())
                    .text(staged.tenant())
                    .text(staged.source())
                    .text(e.subscriptionId())
                    .text(e.subscriptionName())
                    .text(e.productId())
                    .text(e.apiId())
                    .text(e.operationId())
                    .text(e.userId())
                    .text(e.appId())
                    .text(e.deployment())
                    .text(e.model() == null ? "" : e.model())
                    .text(e.region())
                    .text(e.backendId())
                    .number(e.tokens().prompt())
                    .number(e.tokens().cachedPrompt())
                    .number(e.tokens().completion())
                    .number(e.tokens().reasoning())
                    .number(e.requests())
                    .bool(e.streaming())
                    .bool(e.estimated())
                    .number(e.statusCode() == null ? null : e.statusCode().longValue())
                    .text(attributesJson(e.attributes()))
                    .number(staged.rateCardId());
            rows.endRow();
        }
        return rows.toText();
    }

    private String attributesJson(Map<String, String> attributes) {
        return attributes.isEmpty() ? null : json.writeValueAsString(attributes);
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
