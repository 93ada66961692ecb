package io.tokenledger.pricing;

import java.util.Collection;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps pricing consistent while rate cards change: a batch that prices usage of a deployment holds a shared
 * transaction lock on it from before it reads the rate cards until it commits, and publishing a version holds
 * the exclusive one. So no batch can price with a version that a concurrent publication is superseding.
 * Locks are PostgreSQL advisory transaction locks, taken in a fixed order so that batches never deadlock.
 */
@Component
public class DeploymentPriceLock {

    private static final int NAMESPACE = 0x544c5052; // "TLPR"

    private final DSLContext dsl;

    DeploymentPriceLock(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Key of the lock that model cards (which may price any deployment) take and every batch shares; a deployment
     * that happens to have this name only makes batches wait a little longer.
     */
    private static final String MODEL_CARDS = "<model cards>";

    /** Shared lock on each deployment and on model cards, for the rest of the current transaction. */
    public void lockForPricing(Collection<String> deployments) {
        if (deployments.isEmpty()) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>(deployments);
        keys.add(MODEL_CARDS);
        String[] sorted = keys.toArray(String[]::new);
        dsl.resultQuery(
                        "select pg_advisory_xact_lock_shared({0}, hashtext(d)) from unnest({1}::text[]) as d order"
                                + " by d",
                        DSL.inline(NAMESPACE), DSL.val(sorted))
                .fetch();
    }

    /** Exclusive lock on what a new card may re-price, for the rest of the current transaction. */
    void lockForRepricing(MatchKind kind, String pattern) {
        String deployment = kind == MatchKind.DEPLOYMENT ? pattern : MODEL_CARDS;
        dsl.resultQuery("select pg_advisory_xact_lock({0}, hashtext({1}))", DSL.inline(NAMESPACE), DSL.val(deployment))
                .fetch();
    }
}
