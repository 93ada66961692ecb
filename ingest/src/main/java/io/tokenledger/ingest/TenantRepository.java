package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT;

import java.util.Collection;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

    private final DSLContext dsl;

    TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates the tenants that usage has just been charged to, if they do not exist yet. */
    void ensureExist(Collection<String> tenantKeys) {
        if (tenantKeys.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(TENANT, TENANT.TENANT_KEY);
        // sorted, so that concurrent batches creating the same tenants lock them in the same order
        for (String key : new TreeSet<>(tenantKeys)) {
            insert = insert.values(key);
        }
        insert.onConflictDoNothing().execute();
    }
}
