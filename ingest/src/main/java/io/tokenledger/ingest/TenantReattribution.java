package io.tokenledger.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Charges stored usage of open billing periods again after a rule change, in two statements whatever the number of
 * events ({@code sql/reattribute-*.sql}): one that resolves the tenant of every event the changed rules match (the only ones whose tenant can
 * change), moves those whose tenant changed and applies the difference to the daily rollups — the moved sums are
 * subtracted from the old tenant's rows and added to the new one's, so every total stays exactly as it was — and one
 * that removes rollup rows left empty. Events of closed periods keep their tenant.
 *
 * <p>Runs under the exclusive rules lock, so no batch writes usage meanwhile and no period closes.
 */
@Component
class TenantReattribution {

    private final DSLContext dsl;
    private final String move;
    private final String removeEmpty;

    TenantReattribution(DSLContext dsl, TenantResolver resolver) {
        this.dsl = dsl;
        // {{affected}} becomes jOOQ's template argument {0}: the changed rules' condition, rendered with its values
        // bound when rules change
        this.move = SqlTemplate.load("reattribute-move")
                .with("affected", "{0}")
                .with("rule_ctes", resolver.ruleCtes("affected"))
                .with("tenant", resolver.fallback("rt.tenant_key", "a"))
                .with("event_sums", RollupSums.eventColumns(""))
                .with("event_sums_of_e", RollupSums.eventColumns("e."))
                .with("rollup_sums_of_signed_events", RollupSums.ofEventsNamed("sign * "))
                .with("rollup_sums", RollupSums.columns())
                .with("rollup_sums_added_to_d", RollupSums.addedTo("d"))
                .sql();
        this.removeEmpty = SqlTemplate.load("reattribute-remove-empty").sql();
    }

    /** What moved: events, the tenants they moved from or to, and the periods and days they lie in. */
    record Moved(long events, Set<String> tenants, Set<YearMonth> periods, Set<LocalDate> days) {}

    /** Re-resolves every open-period event that one of {@code changed} (old or new versions of rules) matches. */
    Moved reattribute(List<TenantMappingRules.ValidRule> changed) {
        Set<String> tenants = new TreeSet<>();
        Set<String> oldTenants = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>();
        long events = 0;
        for (var row : move(changed).fetch()) {
            oldTenants.add(row.get(0, String.class));
            tenants.add(row.get(0, String.class));
            tenants.add(row.get(1, String.class));
            days.add(row.get(2, LocalDate.class));
            events += row.get(3, Long.class);
        }
        if (events == 0) {
            return new Moved(0, Set.of(), Set.of(), Set.of());
        }
        TreeSet<LocalDate> sortedDays = new TreeSet<>(days);
        removeEmpty(oldTenants, sortedDays.first(), sortedDays.last()).execute();
        Set<YearMonth> periods = new TreeSet<>();
        days.forEach(day -> periods.add(YearMonth.from(day)));
        return new Moved(events, tenants, periods, days);
    }

    /**
     * The statement that moves the open-period events one of {@code changed} matches to the tenant they resolve to
     * now, answering (old tenant, new tenant, day, events) per move.
     */
    ResultQuery<Record> move(List<TenantMappingRules.ValidRule> changed) {
        Condition affected =
                DSL.or(changed.stream().map(TenantReattribution::matching).toList());
        return dsl.resultQuery(move, affected);
    }

    /** The statement that removes the daily rollup rows of {@code tenants} between two days that were left empty. */
    Query removeEmpty(Set<String> tenants, LocalDate from, LocalDate to) {
        return dsl.query(removeEmpty, tenants.toArray(String[]::new), from, to);
    }

    /** The events {@code rule} matches, over {@code usage_event e}. */
    static Condition matching(TenantMappingRules.ValidRule rule) {
        String column = RuleFields.column(rule.field());
        Field<String> value = column != null
                ? DSL.field(DSL.name("e", column), String.class)
                : DSL.field(
                        "e.attributes ->> {0}",
                        String.class, DSL.val(rule.field().substring(RuleFields.ATTRIBUTES.length())));
        Field<String> pattern = DSL.val(rule.pattern());
        return switch (rule.match()) {
            case "exact" -> value.eq(pattern);
            case "prefix" -> DSL.condition("starts_with({0}, {1})", value, pattern);
            default -> DSL.condition("{0} ~ {1}", value, pattern);
        };
    }
}
