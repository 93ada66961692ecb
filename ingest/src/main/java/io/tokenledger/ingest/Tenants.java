package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT;

import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenants usage has been charged to, for every module that shows or groups them. */
@Service
public class Tenants {

    private final DSLContext dsl;

    Tenants(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return dsl.select(TENANT.TENANT_KEY, TENANT.NAME, TENANT.COST_CENTER)
                .from(TENANT)
                .orderBy(TENANT.TENANT_KEY)
                .fetch(row -> new Tenant(row.value1(), row.value2(), row.value3()));
    }

    @Transactional(readOnly = true)
    public List<Tenant> withKeys(Collection<String> keys) {
        return dsl.select(TENANT.TENANT_KEY, TENANT.NAME, TENANT.COST_CENTER)
                .from(TENANT)
                .where(TENANT.TENANT_KEY.in(keys))
                .orderBy(TENANT.TENANT_KEY)
                .fetch(row -> new Tenant(row.value1(), row.value2(), row.value3()));
    }
}
