package io.tokenledger.reporting.provisioned;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.provisioned.CapacityAllocation;
import io.tokenledger.pricing.provisioned.Commitment;
import io.tokenledger.pricing.provisioned.CommitmentAllocation;
import io.tokenledger.pricing.provisioned.CommitmentSpan;
import io.tokenledger.pricing.provisioned.NewCommitment;
import io.tokenledger.pricing.provisioned.ProvisionedCommitments;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioned capacity as the ledger sees it: commitments are published only where no closed period would change,
 * and each period's fixed cost is allocated to tenants from the tokens in the daily rollups (which a closed period
 * never changes, so neither does its allocation). The current period is allocated month to date: the commitment's
 * cost of the days up to today, shared by the usage so far.
 */
@Service
public class ProvisionedCapacity {

    private static final String POOL_NAME = "Shared pool (idle provisioned capacity)";

    private final ProvisionedCommitments commitments;
    private final Ledgers ledgers;
    private final BillingPeriods periods;
    private final Tenants tenants;
    private final BusinessCalendar calendar;

    ProvisionedCapacity(
            ProvisionedCommitments commitments,
            Ledgers ledgers,
            BillingPeriods periods,
            Tenants tenants,
            BusinessCalendar calendar) {
        this.commitments = commitments;
        this.ledgers = ledgers;
        this.periods = periods;
        this.tenants = tenants;
        this.calendar = calendar;
    }

    /**
     * Publishes a commitment version; its owner tenant and the shared pool are created when they do not exist, so
     * that statements can show them.
     *
     * @throws RejectedException when a field is wrong, or when the version would change the allocation of
     *     a closed period (its effectiveFrom lies in or before one)
     */
    @Transactional
    public Commitment publish(NewCommitment commitment, String user) {
        if (commitment.effectiveFrom() != null) {
            YearMonth from = YearMonth.from(commitment.effectiveFrom());
            YearMonth current = calendar.currentPeriod();
            for (YearMonth period = from; !period.isAfter(current); period = period.plusMonths(1)) {
                if (periods.isClosed(period)) {
                    throw RejectedException.conflict(
                            "effectiveFrom",
                            "billing period " + period + " is closed and its allocation is final; a commitment version"
                                    + " must start after the last closed period");
                }
            }
        }
        Commitment published = commitments.publish(commitment, user);
        if (published.ownerTenant() != null) {
            createIfAbsent(published.ownerTenant(), null);
        }
        createIfAbsent(commitments.sharedPoolTenant(), POOL_NAME);
        return published;
    }

    /** The tenant that carries idle capacity assigned to the shared pool. */
    public String sharedPoolTenant() {
        return commitments.sharedPoolTenant();
    }

    @Transactional(readOnly = true)
    public List<Commitment> commitments() {
        return commitments.all();
    }

    /**
     * The allocations of {@code period}, one per deployment and currency with a commitment in force, with only the
     * lines of the tenants in {@code scope} (the commitment's cost stays the whole cost).
     */
    @Transactional(readOnly = true)
    public List<CommitmentAllocation> allocations(YearMonth period, TenantScope scope) {
        LocalDate today = calendar.today();
        if (period.isAfter(YearMonth.from(today))) {
            return List.of();
        }
        LocalDate upTo = period.equals(YearMonth.from(today))
                ? today.plusDays(1)
                : period.plusMonths(1).atDay(1);
        Map<String, Map<String, Map<String, Long>>> usageByRange = new HashMap<>();
        List<CommitmentAllocation> allocations = new ArrayList<>();
        commitments.spans(period).forEach((deployment, spans) -> {
            Map<String, List<CapacityAllocation.SpanUsage>> byCurrency = new java.util.LinkedHashMap<>();
            for (CommitmentSpan span : spans) {
                if (!span.from().isBefore(upTo)) {
                    continue;
                }
                CommitmentSpan clipped = span.until().isAfter(upTo) ? clip(span, upTo) : span;
                Map<String, Map<String, Long>> tokens = usageByRange.computeIfAbsent(
                        clipped.from() + "/" + clipped.until(), key -> tokens(clipped.from(), clipped.until()));
                byCurrency
                        .computeIfAbsent(clipped.commitment().currency(), key -> new ArrayList<>())
                        .add(new CapacityAllocation.SpanUsage(clipped, tokens.getOrDefault(deployment, Map.of())));
            }
            byCurrency
                    .values()
                    .forEach(usage -> allocations.add(restrict(
                            CapacityAllocation.allocate(period, usage, commitments.sharedPoolTenant()), scope)));
        });
        return allocations;
    }

    private CommitmentSpan clip(CommitmentSpan span, LocalDate until) {
        long hours = java.time.Duration.between(
                        span.from().atStartOfDay(calendar.zone()), until.atStartOfDay(calendar.zone()))
                .toHours();
        return new CommitmentSpan(span.commitment(), span.from(), until, hours);
    }

    /** Tokens (prompt incl. cached + completion incl. reasoning) per deployment and tenant, {@code until} exclusive. */
    private Map<String, Map<String, Long>> tokens(LocalDate from, LocalDate until) {
        Map<String, Map<String, Long>> tokens = new HashMap<>();
        List<LedgerRow> rows = ledgers.query(new LedgerQuery(
                        from,
                        until.minusDays(1),
                        List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.TENANT),
                        Optional.empty(),
                        TenantScope.allTenants()))
                .rows();
        for (LedgerRow row : rows) {
            tokens.computeIfAbsent(row.deployment(), key -> new HashMap<>())
                    .merge(row.tenant(), Math.addExact(row.promptTokens(), row.completionTokens()), Math::addExact);
        }
        return tokens;
    }

    private static CommitmentAllocation restrict(CommitmentAllocation allocation, TenantScope scope) {
        if (scope.all()) {
            return allocation;
        }
        return new CommitmentAllocation(
                allocation.period(),
                allocation.deployment(),
                allocation.currency(),
                allocation.exactCost(),
                allocation.cost(),
                allocation.spans(),
                allocation.lines().stream()
                        .filter(line -> scope.keys().contains(line.tenant()))
                        .toList());
    }

    private void createIfAbsent(String key, String name) {
        if (tenants.find(key).isEmpty()) {
            tenants.save(new Tenant(key, name, null));
        }
    }
}
