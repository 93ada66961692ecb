package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT;

import io.tokenledger.db.RejectedException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenants usage is charged to, for every module that shows or groups them, and their details (name, cost
 * center, owner) as an admin keeps them. Tenants also appear by themselves when usage for a new key arrives.
 */
@Service
public class Tenants {

    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_COST_CENTER_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final TenantRepository repository;

    Tenants(TenantRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public List<Tenant> withKeys(Collection<String> keys) {
        return repository.withKeys(keys);
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(String key) {
        return repository.find(key);
    }

    /** The tenants of a cost center. */
    @Transactional(readOnly = true)
    public List<Tenant> inCostCenter(String costCenter) {
        return repository.where(TENANT.COST_CENTER.eq(costCenter));
    }

    /** Every cost center some tenant belongs to. */
    @Transactional(readOnly = true)
    public List<String> costCenters() {
        return repository.costCenters(DSL.noCondition());
    }

    /** The cost centers the tenants {@code keys} belong to (a few names, not the tenants' records). */
    @Transactional(readOnly = true)
    public List<String> costCentersOf(Collection<String> keys) {
        return repository.costCenters(TenantRepository.keyIn(keys));
    }

    /** What {@link #save} did. */
    public record Saved(Tenant tenant, boolean created) {}

    /**
     * Creates a tenant or replaces the details of an existing one (also one that usage created). Blank optional
     * fields are stored as absent.
     *
     * @throws RejectedException naming the field that is invalid
     */
    @Transactional
    public Saved save(Tenant tenant) {
        String key = tenant.key() == null ? "" : tenant.key().strip();
        if (key.isEmpty()
                || key.length() > MAX_KEY_LENGTH
                || CONTROL.matcher(key).find()) {
            throw RejectedException.invalid(
                    "key", "key is required: 1 to " + MAX_KEY_LENGTH + " characters without control characters");
        }
        Tenant cleaned = new Tenant(
                key,
                optional("name", tenant.name(), MAX_NAME_LENGTH),
                optional("costCenter", tenant.costCenter(), MAX_COST_CENTER_LENGTH),
                email(tenant.ownerEmail()));
        boolean created = repository.save(cleaned);
        return new Saved(cleaned, created);
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength || CONTROL.matcher(stripped).find()) {
            throw RejectedException.invalid(
                    field, field + " must be at most " + maxLength + " characters without control characters");
        }
        return stripped;
    }

    private static String email(String value) {
        String email = optional("ownerEmail", value, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw RejectedException.invalid(
                    "ownerEmail", "ownerEmail must be an email address such as owner@example.com, was '" + email + "'");
        }
        return email;
    }
}
