package io.tokenledger.reporting.periods;

import static io.tokenledger.db.jooq.Tables.BILLING_PERIOD;

import io.tokenledger.db.jooq.tables.records.BillingPeriodRecord;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class BillingPeriodRepository {

    private final DSLContext dsl;

    BillingPeriodRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A closed period: when and by whom. */
    record Closed(YearMonth period, Instant closedAt, String closedBy) {}

    Optional<Closed> find(YearMonth period) {
        return dsl.selectFrom(BILLING_PERIOD)
                .where(BILLING_PERIOD.PERIOD_START.eq(period.atDay(1)))
                .fetchOptional(BillingPeriodRepository::toClosed);
    }

    Map<YearMonth, Closed> all() {
        Map<YearMonth, Closed> closed = new TreeMap<>();
        dsl.selectFrom(BILLING_PERIOD).fetch(BillingPeriodRepository::toClosed).forEach(c -> closed.put(c.period(), c));
        return closed;
    }

    Closed insert(YearMonth period, Instant at, String by) {
        return toClosed(dsl.insertInto(BILLING_PERIOD)
                .set(BILLING_PERIOD.PERIOD_START, period.atDay(1))
                .set(BILLING_PERIOD.CLOSED_AT, at.atOffset(ZoneOffset.UTC))
                .set(BILLING_PERIOD.CLOSED_BY, by)
                .returning()
                .fetchSingle());
    }

    private static Closed toClosed(BillingPeriodRecord row) {
        return new Closed(
                YearMonth.from(row.getPeriodStart()), row.getClosedAt().toInstant(), row.getClosedBy());
    }
}
