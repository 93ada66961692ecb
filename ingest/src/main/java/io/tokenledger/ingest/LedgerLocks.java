package io.tokenledger.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger consistent while mapping rules change and billing periods close. Every writer of usage holds
 * shared locks on the mapping rules and on each billing period it writes into until it commits; a rule change
 * holds the rules lock exclusively (so no batch resolves tenants with rules that are being replaced) and closing a
 * period holds that period's lock exclusively (so no batch writes into a period as it closes, and a batch that
 * starts after the close sees it and books adjustments instead).
 *
 * <p>PostgreSQL advisory transaction locks, always taken in the same order — deployment price locks (pricing)
 * first, then the rules, then periods in ascending order — so that writers, rule changes and closes never
 * deadlock.
 */
@Component
public class LedgerLocks {

    private static final int RULES = 0x544c5255; // "TLRU"
    private static final int PERIODS = 0x544c5045; // "TLPE"

    private final DSLContext dsl;

    LedgerLocks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Shared locks on the rules and on {@code periods}, for a writer of usage, until its transaction ends. */
    void lockForWriting(Collection<YearMonth> periods) {
        List<Integer> namespaces = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        namespaces.add(RULES);
        keys.add(0);
        for (YearMonth period : new TreeSet<>(periods)) {
            namespaces.add(PERIODS);
            keys.add(keyOf(period));
        }
        // unnest keeps the arrays' order, which is the lock order
        dsl.resultQuery(
                        "select pg_advisory_xact_lock_shared(l.ns, l.k) from unnest({0}::int[], {1}::int[]) as l(ns, k)",
                        DSL.val(namespaces.toArray(Integer[]::new)), DSL.val(keys.toArray(Integer[]::new)))
                .fetch();
    }

    /**
     * The rules lock, exclusively: no batch resolves tenants and no period closes until the rule change and the
     * re-attribution of open periods it causes have committed.
     */
    void lockRulesForChange() {
        dsl.resultQuery("select pg_advisory_xact_lock({0}, 0)", DSL.inline(RULES))
                .fetch();
    }

    /**
     * Exclusive lock on one period, for closing it: waits for every batch that is writing into the period and keeps
     * new ones out until the closing transaction ends.
     */
    public void lockForClosing(YearMonth period) {
        // the rules lock too (shared): a re-attribution, which holds it exclusively, rewrites open periods only
        dsl.resultQuery("select pg_advisory_xact_lock_shared({0}, 0)", DSL.inline(RULES))
                .fetch();
        dsl.resultQuery("select pg_advisory_xact_lock({0}, {1})", DSL.inline(PERIODS), DSL.val(keyOf(period)))
                .fetch();
    }

    private static int keyOf(YearMonth period) {
        return period.getYear() * 12 + period.getMonthValue() - 1;
    }
}
