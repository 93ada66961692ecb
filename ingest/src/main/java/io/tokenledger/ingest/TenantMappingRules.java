package io.tokenledger.ingest;

import io.tokenledger.db.RejectedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapping rules, and the re-attribution each change causes: in the same transaction, stored usage of every open
 * billing period is charged again as the rules now decide, set-based, so ledger totals stay the same and only move
 * between tenants. Closed periods are never rewritten. While a change runs, batches wait (see {@link LedgerLocks}).
 */
@Service
public class TenantMappingRules {

    private static final int MAX_PATTERN_LENGTH = 500;
    private static final int MAX_PRIORITY = 1_000_000;
    private static final List<String> MATCHES = List.of("exact", "prefix", "regex");

    private final MappingRuleRepository rules;
    private final TenantRepository tenants;
    private final TenantReattribution reattribution;
    private final LedgerLocks locks;
    private final ApplicationEventPublisher ledgerEvents;

    TenantMappingRules(
            MappingRuleRepository rules,
            TenantRepository tenants,
            TenantReattribution reattribution,
            LedgerLocks locks,
            ApplicationEventPublisher ledgerEvents) {
        this.rules = rules;
        this.tenants = tenants;
        this.reattribution = reattribution;
        this.locks = locks;
        this.ledgerEvents = ledgerEvents;
    }

    /** Every rule in the order they are tried. */
    @Transactional(readOnly = true)
    public List<TenantMappingRule> all() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    public Optional<TenantMappingRule> find(long id) {
        return rules.find(id);
    }

    /**
     * Adds a rule and re-attributes the open periods' usage it now decides.
     *
     * @throws RejectedException when a field is invalid, the tenant does not exist or the same rule exists
     */
    @Transactional
    public RuleChange add(NewTenantMappingRule rule, String createdBy) {
        locks.lockRulesForChange();
        ValidRule valid = validate(rule, 0);
        TenantMappingRule added = rules.insert(valid, createdBy);
        return reattributed(added, List.of(valid));
    }

    /**
     * Replaces rule {@code id} and re-attributes the usage that the old or the new version matches.
     *
     * @throws RejectedException as {@link #add}, or {@code NOT_FOUND}
     */
    @Transactional
    public RuleChange replace(long id, NewTenantMappingRule rule) {
        locks.lockRulesForChange();
        TenantMappingRule old = existing(id);
        ValidRule valid = validate(rule, id);
        TenantMappingRule replaced = rules.update(id, valid);
        return reattributed(replaced, List.of(ValidRule.of(old), valid));
    }

    /**
     * Removes rule {@code id} and re-attributes the usage it matched.
     *
     * @throws RejectedException {@code NOT_FOUND}
     */
    @Transactional
    public RuleChange remove(long id) {
        locks.lockRulesForChange();
        TenantMappingRule old = existing(id);
        rules.delete(id);
        return reattributed(old, List.of(ValidRule.of(old)));
    }

    private RuleChange reattributed(TenantMappingRule rule, List<ValidRule> affected) {
        TenantReattribution.Moved moved = reattribution.reattribute(affected);
        if (moved.events() > 0) {
            ledgerEvents.publishEvent(new LedgerChanged(moved.tenants(), moved.periods(), moved.days()));
        }
        return new RuleChange(rule, moved.events(), moved.tenants());
    }

    private TenantMappingRule existing(long id) {
        return rules.find(id)
                .orElseThrow(() -> RejectedException.notFound("id", "There is no mapping rule with id " + id + "."));
    }

    private ValidRule validate(NewTenantMappingRule rule, long id) {
        String field = required("field", rule.field());
        if (!RuleFields.isValid(field)) {
            throw RejectedException.invalid(
                    "field", "field must be one of " + RuleFields.NAMES + ", was '" + field + "'");
        }
        String match = required("match", rule.match()).toLowerCase(Locale.ROOT);
        if (!MATCHES.contains(match)) {
            throw RejectedException.invalid(
                    "match", "match must be one of " + MATCHES + ", was '" + rule.match() + "'");
        }
        String pattern = rule.pattern();
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH || pattern.indexOf(0) >= 0) {
            throw RejectedException.invalid(
                    "pattern", "pattern is required: 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        if (match.equals("regex") && !rules.isValidRegex(pattern)) {
            throw RejectedException.invalid(
                    "pattern",
                    "pattern is not a valid regular expression (PostgreSQL syntax, e.g. ^tenant-(acme|globex)$): '"
                            + pattern + "'");
        }
        String tenant = required("tenant", rule.tenant());
        if (!tenants.exists(tenant)) {
            throw RejectedException.invalid(
                    "tenant", "tenant '" + tenant + "' does not exist; create it first (POST /api/v1/tenants)");
        }
        int priority = rule.priority() == null ? NewTenantMappingRule.DEFAULT_PRIORITY : rule.priority();
        if (Math.abs(priority) > MAX_PRIORITY) {
            throw RejectedException.invalid(
                    "priority", "priority must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY);
        }
        if (rules.clashes(field, match, pattern, id)) {
            throw RejectedException.conflict(
                    "pattern",
                    "a rule for " + field + " " + match + " '" + pattern + "' exists already; change or remove it");
        }
        return new ValidRule(field, match, pattern, tenant, priority);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedException.invalid(field, field + " is required");
        }
        return value.strip();
    }

    /** A checked rule, ready to store and to match with. */
    record ValidRule(String field, String match, String pattern, String tenant, int priority) {

        static ValidRule of(TenantMappingRule rule) {
            return new ValidRule(rule.field(), rule.match(), rule.pattern(), rule.tenant(), rule.priority());
        }
    }
}
