package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.DEAD_LETTER;
import static io.tokenledger.db.jooq.Tables.EVENTHUBS_CHECKPOINT;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Everything a batch can change, read straight from the tables: stored events, daily rollups, dead letters (by
 * position) and checkpoints. Two snapshots are equal when the ledger is the same.
 */
record LedgerSnapshot(List<String> eventIds, List<String> rollups, List<String> deadLetters, List<String> checkpoints) {

    static LedgerSnapshot of(DSLContext dsl) {
        return new LedgerSnapshot(
                dsl.select(USAGE_EVENT.EVENT_ID)
                        .from(USAGE_EVENT)
                        .orderBy(USAGE_EVENT.EVENT_ID)
                        .fetch(USAGE_EVENT.EVENT_ID),
                dsl
                        .select(
                                USAGE_DAILY.USAGE_DAY,
                                USAGE_DAILY.TENANT_KEY,
                                USAGE_DAILY.DEPLOYMENT,
                                USAGE_DAILY.MODEL,
                                USAGE_DAILY.REQUESTS,
                                USAGE_DAILY.PROMPT_TOKENS,
                                USAGE_DAILY.COMPLETION_TOKENS,
                                USAGE_DAILY.COST,
                                USAGE_DAILY.UNPRICED_REQUESTS)
                        .from(USAGE_DAILY)
                        .orderBy(
                                USAGE_DAILY.USAGE_DAY,
                                USAGE_DAILY.TENANT_KEY,
                                USAGE_DAILY.DEPLOYMENT,
                                USAGE_DAILY.MODEL)
                        .fetch()
                        .stream()
                        .map(row -> row.formatCSV(false).strip())
                        .toList(),
                dsl
                        .select(
                                DEAD_LETTER.SOURCE_PARTITION,
                                DEAD_LETTER.SOURCE_SEQUENCE_NUMBER,
                                DEAD_LETTER.ITEM_INDEX,
                                DEAD_LETTER.EVENT_ID,
                                DEAD_LETTER.REASON)
                        .from(DEAD_LETTER)
                        .orderBy(
                                DEAD_LETTER.SOURCE_PARTITION,
                                DEAD_LETTER.SOURCE_SEQUENCE_NUMBER,
                                DEAD_LETTER.ITEM_INDEX)
                        .fetch()
                        .stream()
                        .map(row -> row.formatCSV(false).strip())
                        .toList(),
                dsl
                        .select(EVENTHUBS_CHECKPOINT.PARTITION_ID, EVENTHUBS_CHECKPOINT.SEQUENCE_NUMBER)
                        .from(EVENTHUBS_CHECKPOINT)
                        .orderBy(EVENTHUBS_CHECKPOINT.PARTITION_ID)
                        .fetch()
                        .stream()
                        .map(row -> row.value1() + "@" + row.value2())
                        .toList());
    }
}
