package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT;

import io.tokenledger.db.jooq.tables.records.TenantRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

    private final DSLContext dsl;

    TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Tenant> where(Condition condition) {
        return dsl.selectFrom(TENANT)
                .where(condition)
                .orderBy(TENANT.TENANT_KEY)
                .fetch(TenantRepository::toTenant);
    }

    List<Tenant> all() {
        return where(DSL.noCondition());
    }

    List<Tenant> withKeys(Collection<String> keys) {
        return where(keyIn(keys));
    }

    /** One array parameter: a statement PostgreSQL and the driver prepare once, whatever the number of keys. */
    static Condition keyIn(Collection<String> keys) {
        return TENANT.TENANT_KEY.eq(DSL.any(keys.toArray(String[]::new)));
    }

    Optional<Tenant> find(String key) {
        return where(TENANT.TENANT_KEY.eq(key)).stream().findFirst();
    }

    boolean exists(String key) {
        return dsl.fetchExists(TENANT, TENANT.TENANT_KEY.eq(key));
    }

    List<String> costCenters(Condition tenants) {
        return dsl.selectDistinct(TENANT.COST_CENTER)
                .from(TENANT)
                .where(tenants, TENANT.COST_CENTER.isNotNull())
                .orderBy(TENANT.COST_CENTER)
                .fetch(TENANT.COST_CENTER);
    }

    /** Creates or updates a tenant; true when it was created. */
    boolean save(Tenant tenant) {
        // xmax = 0 only for a freshly inserted row: PostgreSQL's way to tell an insert from an update in an upsert
        return dsl.insertInto(TENANT)
                .set(TENANT.TENANT_KEY, tenant.key())
                .set(TENANT.NAME, tenant.name())
                .set(TENANT.COST_CENTER, tenant.costCenter())
                .set(TENANT.OWNER_EMAIL, tenant.ownerEmail())
                .onConflict(TENANT.TENANT_KEY)
                .doUpdate()
                .set(TENANT.NAME, tenant.name())
                .set(TENANT.COST_CENTER, tenant.costCenter())
                .set(TENANT.OWNER_EMAIL, tenant.ownerEmail())
                .returningResult(DSL.field("xmax = 0", Boolean.class))
                .fetchSingle()
                .value1();
    }

    private static Tenant toTenant(TenantRecord row) {
        return new Tenant(row.getTenantKey(), row.getName(), row.getCostCenter(), row.getOwnerEmail());
    }
}
