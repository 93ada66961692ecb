package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_BIN;

import io.tokenledger.db.jooq.Keys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** What the ledger holds for each bin so far ({@code appinsights_bin}). */
@Repository
class BinRepository {

    private final DSLContext dsl;
    private final JsonMapper json = JsonMapper.builder().build();

    BinRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The counted state of those of {@code binIds} that have one; one round trip (an array parameter). */
    Map<String, CountedBin> find(Collection<String> binIds) {
        if (binIds.isEmpty()) {
            return Map.of();
        }
        var b = APPINSIGHTS_BIN;
        return dsl
                .select(b.BIN_ID, b.PROMPT_TOKENS, b.COMPLETION_TOKENS, b.TOTAL_TOKENS, b.REQUESTS, b.REVISION)
                .from(b)
                .where(b.BIN_ID.eq(DSL.any(binIds.toArray(String[]::new))))
                .fetch()
                .stream()
                .collect(Collectors.toMap(
                        row -> row.value1(),
                        row -> new CountedBin(row.value2(), row.value3(), row.value4(), row.value5(), row.value6())));
    }

    /** Inserts or raises the bins, in one batch. */
    void save(List<BinDeltas.BinState> states, Instant pulledAt) {
        if (states.isEmpty()) {
            return;
        }
        var b = APPINSIGHTS_BIN;
        var at = pulledAt.atOffset(ZoneOffset.UTC);
        List<Query> upserts = states.stream()
                .<Query>map(state -> dsl.insertInto(b)
                        .set(b.BIN_ID, state.binId())
                        .set(b.BIN_START, state.bin().binStart().atOffset(ZoneOffset.UTC))
                        .set(
                                b.DIMENSIONS,
                                JSONB.jsonb(json.writeValueAsString(
                                        state.bin().dimensions().asMap())))
                        .set(b.PROMPT_TOKENS, state.counted().prompt())
                        .set(b.COMPLETION_TOKENS, state.counted().completion())
                        .set(b.TOTAL_TOKENS, state.counted().total())
                        .set(b.REQUESTS, state.counted().requests())
                        .set(b.REVISION, state.counted().revision())
                        .set(b.PULLED_AT, at)
                        .onConflictOnConstraint(Keys.APPINSIGHTS_BIN_PK)
                        .doUpdate()
                        .set(b.PROMPT_TOKENS, state.counted().prompt())
                        .set(b.COMPLETION_TOKENS, state.counted().completion())
                        .set(b.TOTAL_TOKENS, state.counted().total())
                        .set(b.REQUESTS, state.counted().requests())
                        .set(b.REVISION, state.counted().revision())
                        .set(b.PULLED_AT, at))
                .toList();
        dsl.batch(upserts).execute();
    }

    long count() {
        return dsl.fetchCount(APPINSIGHTS_BIN);
    }
}
