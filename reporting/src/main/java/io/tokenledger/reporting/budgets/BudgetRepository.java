package io.tokenledger.reporting.budgets;

import static io.tokenledger.db.jooq.Tables.BUDGET;

import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.tables.records.BudgetRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class BudgetRepository {

    private final DSLContext dsl;

    BudgetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Budget> all() {
        return dsl.selectFrom(BUDGET)
                .orderBy(BUDGET.SCOPE.desc(), BUDGET.SUBJECT)
                .fetch(BudgetRepository::toBudget);
    }

    Optional<Budget> find(BudgetScope scope, String subject) {
        return dsl.selectFrom(BUDGET)
                .where(BUDGET.SCOPE.eq(scope.name()).and(BUDGET.SUBJECT.eq(subject)))
                .fetchOptional(BudgetRepository::toBudget);
    }

    List<Budget> of(BudgetScope scope, Collection<String> subjects) {
        return dsl.selectFrom(BUDGET)
                .where(BUDGET.SCOPE.eq(scope.name()).and(BUDGET.SUBJECT.in(subjects)))
                .orderBy(BUDGET.SUBJECT)
                .fetch(BudgetRepository::toBudget);
    }

    Budget save(Budget budget) {
        Integer[] steps = budget.steps().toArray(Integer[]::new);
        return toBudget(dsl.insertInto(BUDGET)
                .set(BUDGET.SCOPE, budget.scope().name())
                .set(BUDGET.SUBJECT, budget.subject())
                .set(BUDGET.MONTHLY_AMOUNT, budget.monthly())
                .set(BUDGET.STEPS, steps)
                .set(BUDGET.DAILY_AMOUNT, budget.daily())
                .set(BUDGET.UPDATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .set(BUDGET.UPDATED_BY, budget.updatedBy())
                .onConflictOnConstraint(Keys.BUDGET_SUBJECT_UK)
                .doUpdate()
                .set(BUDGET.MONTHLY_AMOUNT, budget.monthly())
                .set(BUDGET.STEPS, steps)
                .set(BUDGET.DAILY_AMOUNT, budget.daily())
                .set(BUDGET.UPDATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .set(BUDGET.UPDATED_BY, budget.updatedBy())
                .returning()
                .fetchSingle());
    }

    boolean delete(BudgetScope scope, String subject) {
        return dsl.deleteFrom(BUDGET)
                        .where(BUDGET.SCOPE.eq(scope.name()).and(BUDGET.SUBJECT.eq(subject)))
                        .execute()
                > 0;
    }

    private static Budget toBudget(BudgetRecord row) {
        return new Budget(
                BudgetScope.valueOf(row.getScope()),
                row.getSubject(),
                row.getMonthlyAmount(),
                Arrays.asList(row.getSteps()),
                row.getDailyAmount(),
                row.getUpdatedAt().toInstant(),
                row.getUpdatedBy());
    }
}
