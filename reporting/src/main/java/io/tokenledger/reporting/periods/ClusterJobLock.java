package io.tokenledger.reporting.periods;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Makes a scheduled job run once cluster-wide: the instance that gets the job's PostgreSQL advisory lock for the
 * rest of its transaction runs it, the others skip this tick. Needs a transaction.
 */
@Component
public class ClusterJobLock {

    private static final int NAMESPACE = 0x544c4a42; // "TLJB"

    private final DSLContext dsl;

    ClusterJobLock(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True when this transaction now holds the job's lock; false when another instance is running it. */
    public boolean tryLock(String job) {
        return dsl.select(DSL.field(
                        "pg_try_advisory_xact_lock({0}, hashtext({1}))",
                        Boolean.class, DSL.inline(NAMESPACE), DSL.val(job)))
                .fetchSingle()
                .value1();
    }
}
