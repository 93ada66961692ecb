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
import org.jooq.impl.DSL;
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

    /**
     * The budgets of these tenants and of these cost centers (tenants' first, each by subject), in one statement with
     * each list as one array parameter: it runs after every ingested batch, with up to hundreds of tenants.
     */
    List<Budget> of(Collection<String> tenantKeys, Collection<String> costCenters) {
        return dsl.selectFrom(BUDGET)
                .where(BUDGET.SCOPE
                        .eq(BudgetScope.TENANT.name())
                        .and(BUDGET.SUBJECT.eq(DSL.any(tenantKeys.toArray(String[]::new)))))
                .or(BUDGET.SCOPE
                        .eq(BudgetScope.COST_CENTER.name())
                        .and(BUDGET.SUBJECT.eq(DSL.any(costCenters.toArray(String[]::new)))))
                .orderBy(BUDGET.SCOPE.desc(), BUDGET.SUBJECT)
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
