package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.DEAD_LETTER;

import io.tokenledger.db.jooq.tables.records.DeadLetterRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class DeadLetterRepository {

    private final DSLContext dsl;

    DeadLetterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(List<NewDeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(
                DEAD_LETTER,
                DEAD_LETTER.SOURCE,
                DEAD_LETTER.ITEM_INDEX,
                DEAD_LETTER.EVENT_ID,
                DEAD_LETTER.FIELD,
                DEAD_LETTER.REASON,
                DEAD_LETTER.RAW_PAYLOAD,
                DEAD_LETTER.SOURCE_STREAM,
                DEAD_LETTER.SOURCE_PARTITION,
                DEAD_LETTER.SOURCE_SEQUENCE_NUMBER);
        for (NewDeadLetter letter : letters) {
            insert = insert.values(
                    storable(letter.source()),
                    letter.index(),
                    storable(letter.eventId()),
                    storable(letter.field()),
                    storable(letter.reason()),
                    storable(letter.raw()),
                    letter.stream(),
                    letter.partition(),
                    letter.sequenceNumber());
        }
        // a message read again from its stream (replay after a crash) is kept once: dead_letter_source_position_uk
        insert.onConflictDoNothing().execute();
    }

    /**
     * A dead letter must be kept whatever it contains, and PostgreSQL text cannot hold NUL: it is kept as U+FFFD
     * (the reason says where it was).
     */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    /** Newest first, {@code limit} of them, older than the id {@code before} when given (keyset paging). */
    List<DeadLetter> page(Long before, int limit, boolean includeReplayed) {
        Condition condition = DSL.noCondition();
        if (before != null) {
            condition = condition.and(DEAD_LETTER.DEAD_LETTER_ID.lt(before));
        }
        if (!includeReplayed) {
            condition = condition.and(DEAD_LETTER.REPLAYED_AT.isNull());
        }
        return dsl.selectFrom(DEAD_LETTER)
                .where(condition)
                .orderBy(DEAD_LETTER.DEAD_LETTER_ID.desc())
                .limit(limit)
                .fetch(DeadLetterRepository::toDeadLetter);
    }

    Optional<DeadLetter> find(long id) {
        return dsl.selectFrom(DEAD_LETTER)
                .where(DEAD_LETTER.DEAD_LETTER_ID.eq(id))
                .forUpdate()
                .fetchOptional(DeadLetterRepository::toDeadLetter);
    }

    void markReplayed(long id) {
        dsl.update(DEAD_LETTER)
                .set(DEAD_LETTER.REPLAYED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(DEAD_LETTER.DEAD_LETTER_ID.eq(id))
                .execute();
    }

    int countWaitingSince(Instant since) {
        return dsl.fetchCount(
                DEAD_LETTER,
                DEAD_LETTER.RECEIVED_AT.ge(since.atOffset(ZoneOffset.UTC)).and(DEAD_LETTER.REPLAYED_AT.isNull()));
    }

    private static DeadLetter toDeadLetter(DeadLetterRecord row) {
        return new DeadLetter(
                row.getDeadLetterId(),
                row.getSource(),
                row.getReceivedAt().toInstant(),
                row.getItemIndex(),
                row.getEventId(),
                row.getField(),
                row.getReason(),
                row.getRawPayload(),
                row.getReplayedAt() == null ? null : row.getReplayedAt().toInstant(),
                row.getSourcePartition(),
                row.getSourceSequenceNumber());
    }
}
