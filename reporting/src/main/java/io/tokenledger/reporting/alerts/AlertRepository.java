package io.tokenledger.reporting.alerts;

import static io.tokenledger.db.jooq.Tables.ALERT;

import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.tables.records.AlertRecord;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

@Repository
class AlertRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What makes an alert unique: one per subject, kind, step and window. */
    record Key(BudgetScope scope, String subject, AlertKind kind, int step, LocalDate windowStart) {}

    /** A crossing found by an evaluation, not yet known to be new. */
    record Candidate(Key key, BigDecimal budgetAmount, BigDecimal threshold, BigDecimal spend) {}

    /** The keys among {@code keys} that have fired already. */
    Set<Key> existing(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<Condition> any = new ArrayList<>();
        for (Key key : keys) {
            any.add(ALERT.SCOPE
                    .eq(key.scope().name())
                    .and(ALERT.SUBJECT.eq(key.subject()))
                    .and(ALERT.KIND.eq(key.kind().name()))
                    .and(ALERT.STEP.eq(key.step()))
                    .and(ALERT.WINDOW_START.eq(key.windowStart())));
        }
        return new HashSet<>(dsl.select(ALERT.SCOPE, ALERT.SUBJECT, ALERT.KIND, ALERT.STEP, ALERT.WINDOW_START)
                .from(ALERT)
                .where(DSL.or(any))
                .fetch(row -> new Key(
                        BudgetScope.valueOf(row.value1()),
                        row.value2(),
                        AlertKind.valueOf(row.value3()),
                        row.value4(),
                        row.value5())));
    }

    /**
     * Records the alert unless it has fired before (the unique key decides, whoever evaluates concurrently).
     *
     * @return the new alert's id, empty when it existed
     */
    Optional<Long> insertIfNew(Candidate candidate, BigDecimal forecast, List<DeploymentSpend> top, Instant now) {
        Key key = candidate.key();
        return dsl.insertInto(ALERT)
                .set(ALERT.SCOPE, key.scope().name())
                .set(ALERT.SUBJECT, key.subject())
                .set(ALERT.KIND, key.kind().name())
                .set(ALERT.STEP, key.step())
                .set(ALERT.WINDOW_START, key.windowStart())
                .set(ALERT.BUDGET_AMOUNT, candidate.budgetAmount())
                .set(ALERT.THRESHOLD, candidate.threshold())
                .set(ALERT.SPEND, candidate.spend())
                .set(ALERT.FORECAST, forecast)
                .set(ALERT.TOP_DEPLOYMENTS, JSONB.valueOf(topJson(top)))
                .set(ALERT.FIRED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflictOnConstraint(Keys.ALERT_ONCE_UK)
                .doNothing()
                .returning(ALERT.ALERT_ID)
                .fetchOptional(ALERT.ALERT_ID);
    }

    Optional<Alert> find(long id) {
        return dsl.selectFrom(ALERT).where(ALERT.ALERT_ID.eq(id)).fetchOptional(AlertRepository::toAlert);
    }

    /** The newest alerts first; only those of {@code tenants} when given (with their cost centers' alerts). */
    List<Alert> recent(int limit, Optional<Collection<String>> tenants, Collection<String> costCenters) {
        Condition condition = tenants.isEmpty()
                ? DSL.noCondition()
                : ALERT.SCOPE
                        .eq(BudgetScope.TENANT.name())
                        .and(ALERT.SUBJECT.in(tenants.get()))
                        .or(ALERT.SCOPE.eq(BudgetScope.COST_CENTER.name()).and(ALERT.SUBJECT.in(costCenters)));
        return dsl.selectFrom(ALERT)
                .where(condition)
                .orderBy(ALERT.FIRED_AT.desc(), ALERT.ALERT_ID.desc())
                .limit(limit)
                .fetch(AlertRepository::toAlert);
    }

    private static String topJson(List<DeploymentSpend> top) {
        ArrayNode array = JSON.createArrayNode();
        for (DeploymentSpend spend : top) {
            array.addObject()
                    .put("deployment", spend.deployment())
                    .put("cost", spend.cost().toPlainString());
        }
        return JSON.writeValueAsString(array);
    }

    private static Alert toAlert(AlertRecord row) {
        List<DeploymentSpend> top = new ArrayList<>();
        for (JsonNode node : JSON.readTree(row.getTopDeployments().data())) {
            top.add(new DeploymentSpend(
                    node.path("deployment").asString(),
                    new BigDecimal(node.path("cost").asString())));
        }
        return new Alert(
                row.getAlertId(),
                BudgetScope.valueOf(row.getScope()),
                row.getSubject(),
                AlertKind.valueOf(row.getKind()),
                row.getStep(),
                row.getWindowStart(),
                row.getBudgetAmount(),
                row.getThreshold(),
                row.getSpend(),
                row.getForecast(),
                top,
                row.getFiredAt().toInstant());
    }
}
