package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT_MAPPING_RULE;

import io.tokenledger.db.jooq.tables.records.TenantMappingRuleRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

@Repository
class MappingRuleRepository {

    private final DSLContext dsl;

    MappingRuleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<TenantMappingRule> all() {
        return dsl.selectFrom(TENANT_MAPPING_RULE)
                .orderBy(TENANT_MAPPING_RULE.PRIORITY, TENANT_MAPPING_RULE.RULE_ID)
                .fetch(MappingRuleRepository::toRule);
    }

    Optional<TenantMappingRule> find(long id) {
        return dsl.selectFrom(TENANT_MAPPING_RULE)
                .where(TENANT_MAPPING_RULE.RULE_ID.eq(id))
                .fetchOptional(MappingRuleRepository::toRule);
    }

    /** True when another rule than {@code exceptId} has the same field, match and pattern. */
    boolean clashes(String field, String match, String pattern, long exceptId) {
        return dsl.fetchExists(
                TENANT_MAPPING_RULE,
                TENANT_MAPPING_RULE
                        .FIELD
                        .eq(field)
                        .and(TENANT_MAPPING_RULE.MATCH_KIND.eq(match))
                        .and(TENANT_MAPPING_RULE.PATTERN.eq(pattern))
                        .and(TENANT_MAPPING_RULE.RULE_ID.ne(exceptId)));
    }

    TenantMappingRule insert(TenantMappingRules.ValidRule rule, String createdBy) {
        return toRule(dsl.insertInto(TENANT_MAPPING_RULE)
                .set(TENANT_MAPPING_RULE.FIELD, rule.field())
                .set(TENANT_MAPPING_RULE.MATCH_KIND, rule.match())
                .set(TENANT_MAPPING_RULE.PATTERN, rule.pattern())
                .set(TENANT_MAPPING_RULE.TENANT_KEY, rule.tenant())
                .set(TENANT_MAPPING_RULE.PRIORITY, rule.priority())
                .set(TENANT_MAPPING_RULE.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    TenantMappingRule update(long id, TenantMappingRules.ValidRule rule) {
        return toRule(dsl.update(TENANT_MAPPING_RULE)
                .set(TENANT_MAPPING_RULE.FIELD, rule.field())
                .set(TENANT_MAPPING_RULE.MATCH_KIND, rule.match())
                .set(TENANT_MAPPING_RULE.PATTERN, rule.pattern())
                .set(TENANT_MAPPING_RULE.TENANT_KEY, rule.tenant())
                .set(TENANT_MAPPING_RULE.PRIORITY, rule.priority())
                .where(TENANT_MAPPING_RULE.RULE_ID.eq(id))
                .returning()
                .fetchSingle());
    }

    void delete(long id) {
        dsl.deleteFrom(TENANT_MAPPING_RULE)
                .where(TENANT_MAPPING_RULE.RULE_ID.eq(id))
                .execute();
    }

    /** Whether PostgreSQL accepts {@code pattern} as a regular expression (the rules are evaluated by it). */
    boolean isValidRegex(String pattern) {
        try {
            dsl.transactionResult(nested -> nested.dsl()
                    .select(DSL.inline("").likeRegex(DSL.val(pattern)))
                    .fetch());
            return true;
        } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
            return false;
        }
    }

    private static TenantMappingRule toRule(TenantMappingRuleRecord row) {
        return new TenantMappingRule(
                row.getRuleId(),
                row.getField(),
                row.getMatchKind(),
                row.getPattern(),
                row.getTenantKey(),
                row.getPriority(),
                row.getCreatedAt().toInstant(),
                row.getCreatedBy());
    }
}
