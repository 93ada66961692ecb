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

    /** Shared lock on each deployment, for the rest of the current transaction. */
    public void lockForPricing(Collection<String> deployments) {
        if (deployments.isEmpty()) {
            return;
        }
        String[] sorted = new TreeSet<>(deployments).toArray(String[]::new);
        dsl.resultQuery(
                        "select pg_advisory_xact_lock_shared({0}, hashtext(d)) from unnest({1}::text[]) as d order"
                                + " by d",
                        DSL.inline(NAMESPACE), DSL.val(sorted))
                .fetch();
    }

    /** Exclusive lock on a deployment, for the rest of the current transaction. */
    void lockForRepricing(String deployment) {
        dsl.resultQuery("select pg_advisory_xact_lock({0}, hashtext({1}))", DSL.inline(NAMESPACE), DSL.val(deployment))
                .fetch();
    }
}
