package io.tokenledger.reporting.chargeback;

import static io.tokenledger.db.jooq.Tables.CHARGEBACK_MODEL;

import io.tokenledger.db.jooq.tables.records.ChargebackModelRecord;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class ChargebackModelRepository {

    private final DSLContext dsl;

    ChargebackModelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ChargebackModel insert(NewChargebackModel model, BigDecimal percent, String createdBy) {
        return toModel(dsl.insertInto(CHARGEBACK_MODEL)
                .set(CHARGEBACK_MODEL.SCOPE, model.scope().name())
                .set(CHARGEBACK_MODEL.SUBJECT, model.subject())
                .set(CHARGEBACK_MODEL.EFFECTIVE_FROM, model.effectiveFrom().atDay(1))
                .set(CHARGEBACK_MODEL.KIND, model.kind().name())
                .set(CHARGEBACK_MODEL.PERCENT, percent)
                .set(CHARGEBACK_MODEL.REASON, model.reason())
                .set(CHARGEBACK_MODEL.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    boolean exists(ChargebackModel.Scope scope, String subject, YearMonth from) {
        return dsl.fetchExists(
                CHARGEBACK_MODEL,
                CHARGEBACK_MODEL
                        .SCOPE
                        .eq(scope.name())
                        .and(CHARGEBACK_MODEL.SUBJECT.eq(subject))
                        .and(CHARGEBACK_MODEL.EFFECTIVE_FROM.eq(from.atDay(1))));
    }

    /** Every version, by scope, subject and effectiveFrom. */
    List<ChargebackModel> all() {
        return dsl.selectFrom(CHARGEBACK_MODEL)
                .orderBy(CHARGEBACK_MODEL.SCOPE, CHARGEBACK_MODEL.SUBJECT, CHARGEBACK_MODEL.EFFECTIVE_FROM)
                .fetch(ChargebackModelRepository::toModel);
    }

    /** The versions that start in or before {@code period}, latest last per subject. */
    List<ChargebackModel> startingBy(YearMonth period) {
        return dsl.selectFrom(CHARGEBACK_MODEL)
                .where(CHARGEBACK_MODEL.EFFECTIVE_FROM.le(period.atDay(1)))
                .orderBy(CHARGEBACK_MODEL.SCOPE, CHARGEBACK_MODEL.SUBJECT, CHARGEBACK_MODEL.EFFECTIVE_FROM)
                .fetch(ChargebackModelRepository::toModel);
    }

    private static ChargebackModel toModel(ChargebackModelRecord row) {
        return new ChargebackModel(
                row.getModelId(),
                ChargebackModel.Scope.valueOf(row.getScope()),
                row.getSubject(),
                YearMonth.from(row.getEffectiveFrom()),
                ChargebackKind.valueOf(row.getKind()),
                row.getPercent(),
                row.getReason(),
                row.getCreatedAt().toInstant(),
                row.getCreatedBy());
    }
}
