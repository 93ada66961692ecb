package io.tokenledger.pricing.fx;

import static io.tokenledger.db.jooq.Tables.FX_RATE;

import io.tokenledger.db.jooq.tables.records.FxRateRecord;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class FxRateRepository {

    private final DSLContext dsl;

    FxRateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the period's rate, replacing an earlier one of the same period and currency. */
    FxRate save(YearMonth period, String currency, String reporting, BigDecimal rate, String user, String source) {
        return toRate(dsl.insertInto(FX_RATE)
                .set(FX_RATE.PERIOD, period.atDay(1))
                .set(FX_RATE.CURRENCY, currency)
                .set(FX_RATE.REPORTING_CURRENCY, reporting)
                .set(FX_RATE.RATE, rate)
                .set(FX_RATE.ENTERED_BY, user)
                .set(FX_RATE.SOURCE, source)
                .onConflictOnConstraint(io.tokenledger.db.jooq.Keys.FX_RATE_PK)
                .doUpdate()
                .set(FX_RATE.REPORTING_CURRENCY, reporting)
                .set(FX_RATE.RATE, rate)
                .set(FX_RATE.ENTERED_BY, user)
                .set(FX_RATE.SOURCE, source)
                .set(FX_RATE.ENTERED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .returning()
                .fetchSingle());
    }

    Optional<FxRate> find(YearMonth period, String currency) {
        return dsl.selectFrom(FX_RATE)
                .where(FX_RATE.PERIOD.eq(period.atDay(1)))
                .and(FX_RATE.CURRENCY.eq(currency))
                .fetchOptional(FxRateRepository::toRate);
    }

    List<FxRate> all() {
        return dsl.selectFrom(FX_RATE)
                .orderBy(FX_RATE.PERIOD.desc(), FX_RATE.CURRENCY)
                .fetch(FxRateRepository::toRate);
    }

    private static FxRate toRate(FxRateRecord row) {
        return new FxRate(
                YearMonth.from(row.getPeriod()),
                row.getCurrency().trim(),
                row.getReportingCurrency().trim(),
                row.getRate(),
                row.getEnteredAt().toInstant(),
                row.getEnteredBy(),
                row.getSource());
    }
}
