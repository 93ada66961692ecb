package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.BILLING_PERIOD;

import io.tokenledger.pricing.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * A business calendar whose today is {@link #TODAY} (UTC), so that the open period is November 2026 whenever the
 * tests run, and a way to close a period as reporting does (a {@code billing_period} row).
 */
final class BillingPeriodFixture {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final YearMonth OPEN = YearMonth.of(2026, 11);
    static final YearMonth PREVIOUS = YearMonth.of(2026, 10);

    private BillingPeriodFixture() {}

    static BusinessCalendar calendar() {
        return new BusinessCalendar(ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static void close(DSLContext dsl, YearMonth period) {
        dsl.insertInto(BILLING_PERIOD)
                .set(BILLING_PERIOD.PERIOD_START, period.atDay(1))
                .set(BILLING_PERIOD.CLOSED_AT, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .set(BILLING_PERIOD.CLOSED_BY, "test")
                .execute();
    }
}
