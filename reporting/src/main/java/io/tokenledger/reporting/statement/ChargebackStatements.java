package io.tokenledger.reporting.statement;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds chargeback statements from the ledger ({@link Ledgers}), the tenants' names and cost centers
 * ({@link Tenants}) and the rate-card versions ({@link RateCards}), never from other modules' tables.
 *
 * <p>A statement and its daily detail must be read in one snapshot, so that the detail adds up to the summary: call
 * both inside one transaction (the workbook and HTML writers do), or call {@link #statement} alone.
 */
@Service
public class ChargebackStatements {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final Ledgers ledgers;
    private final Tenants tenants;
    private final RateCards rateCards;
    private final BusinessCalendar calendar;
    private final ObjectProvider<StatementExtras> extras;
    private final FxRates fx;

    ChargebackStatements(
            Ledgers ledgers,
            Tenants tenants,
            RateCards rateCards,
            BusinessCalendar calendar,
            ObjectProvider<StatementExtras> extras,
            FxRates fx) {
        this.fx = fx;
        this.ledgers = ledgers;
        this.tenants = tenants;
        this.rateCards = rateCards;
        this.calendar = calendar;
        this.extras = extras;
    }

    /**
     * The statement of a period and scope.
     *
     * @throws IllegalArgumentException when the period has not begun yet
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChargebackStatement statement(StatementRequest request) {
        YearMonth period = request.period();
        YearMonth current = calendar.currentPeriod();
        if (period.isAfter(current)) {
            throw new IllegalArgumentException("period " + period + " has not begun yet (the current period is "
                    + current + " in " + calendar.zone().getId() + ")");
        }
        LocalDate from = period.atDay(1);
        LocalDate to = period.atEndOfMonth();
        Optional<String> oneTenant =
                request.scope() instanceof StatementScope.Tenant tenant ? Optional.of(tenant.key()) : Optional.empty();
        Map<String, Tenant> known = (oneTenant.isPresent() ? tenants.withKeys(Set.of(oneTenant.get())) : tenants.all())
                .stream().collect(Collectors.toMap(Tenant::key, Function.identity()));
        Function<String, Tenant> tenantOf = key -> known.getOrDefault(key, new Tenant(key, null, null));

        Ledger ledger = ledgers.query(new LedgerQuery(
                from,
                to,
                List.of(LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL),
                oneTenant,
                TenantScope.allTenants()));
        List<LedgerRow> rows = ledger.rows().stream()
                .filter(row ->
                        request.shows(row.tenant(), tenantOf.apply(row.tenant()).costCenter()))
                .toList();

        Set<String> candidates = new TreeSet<>();
        oneTenant.ifPresent(candidates::add);
        known.values().stream()
                .filter(tenant -> request.shows(tenant.key(), tenant.costCenter()))
                .forEach(tenant -> candidates.add(tenant.key()));
        rows.forEach(row -> candidates.add(row.tenant()));
        candidates.removeIf(key -> !request.shows(key, tenantOf.apply(key).costCenter()));
        StatementExtras supplied = AllStatementExtras.of(extras.orderedStream().toList());
        List<ExtraCharge> charges = supplied.charges(period, Set.copyOf(candidates)).stream()
                .filter(charge -> candidates.contains(charge.tenantKey()))
                .sorted(Comparator.comparing(ExtraCharge::tenantKey).thenComparing(ExtraCharge::day))
                .toList();

        Set<String> charged = new TreeSet<>();
        rows.forEach(row -> charged.add(row.tenant()));
        charges.forEach(charge -> charged.add(charge.tenantKey()));
        Map<String, BigDecimal> budgets = charged.isEmpty() ? Map.of() : supplied.budgets(period, Set.copyOf(charged));
        List<Tenant> lineTenants = charged.stream()
                .map(tenantOf)
                .sorted(Comparator.comparing(Tenant::costCenter, NULLS_LAST).thenComparing(Tenant::key))
                .toList();

        String currency = ledger.currency();
        int scale = PresentationRounding.minorUnits(currency);
        StatementRounding rounding = StatementRounding.of(lineTenants, rows, charges, scale);
        Map<String, String> costCenterByTenant = new LinkedHashMap<>();
        lineTenants.forEach(tenant -> costCenterByTenant.put(tenant.key(), tenant.costCenter()));
        Map<String, Charging> charging =
                lineTenants.isEmpty() ? Map.of() : supplied.charging(period, costCenterByTenant);
        List<Charging> models = lineTenants.stream()
                .map(tenant -> charging.getOrDefault(tenant.key(), Charging.AT_COST))
                .toList();
        List<BigDecimal> exactCharged = new ArrayList<>();
        for (int i = 0; i < lineTenants.size(); i++) {
            exactCharged.add(
                    models.get(i).apply(rounding.exactCost(lineTenants.get(i).key())));
        }
        BigDecimal exactChargedTotal = exactCharged.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal chargedTotal = PresentationRounding.total(exactChargedTotal, scale);
        List<BigDecimal> chargedAmounts = PresentationRounding.allocate(exactCharged, chargedTotal, scale);
        List<TenantLine> tenantLines = new ArrayList<>();
        for (int i = 0; i < lineTenants.size(); i++) {
            Tenant tenant = lineTenants.get(i);
            tenantLines.add(new TenantLine(
                    tenant.key(),
                    tenant.name(),
                    tenant.costCenter(),
                    rounding.usage(tenant.key()),
                    rounding.exactCost(tenant.key()),
                    rounding.cost(tenant.key()),
                    budgets.get(tenant.key()),
                    models.get(i).model(),
                    exactCharged.get(i),
                    chargedAmounts.get(i)));
        }
        LocalDate lastUsageDay = lastUsageDay(request, from, to, oneTenant, tenantOf);
        return new ChargebackStatement(
                request.scope(),
                period,
                from,
                to,
                calendar.zone(),
                currency,
                scale,
                Instant.now(),
                period.isBefore(current),
                lastUsageDay,
                tenantLines,
                costCenters(tenantLines),
                rounding.deploymentLines(),
                rounding.chargeLines(),
                RateCardsInForce.of(
                        rateCards,
                        rows,
                        from,
                        to,
                        cardCurrency -> fx.rate(period, cardCurrency).map(io.tokenledger.pricing.fx.FxRate::rate)),
                tenantLines.stream().map(TenantLine::usage).reduce(Usage.NONE, Usage::plus),
                rounding.exactTotal(),
                rounding.total(),
                exactChargedTotal,
                chargedTotal,
                sum(tenantLines.stream().map(TenantLine::budget).toList()),
                sum(variances(tenantLines)));
    }

    /**
     * Streams the statement's daily detail (tenant × deployment × day) in the statement's tenant order, one tenant's
     * rows at a time, so that memory does not grow with the number of days and deployments. Each deployment's days
     * are rounded to add up to its rounded total on the statement.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void dailyDetail(ChargebackStatement statement, Consumer<DailyLine> sink) {
        Map<String, Map<String, BigDecimal>> targets = new LinkedHashMap<>();
        for (DeploymentLine line : statement.deployments()) {
            targets.computeIfAbsent(line.tenantKey(), key -> new LinkedHashMap<>())
                    .merge(line.deployment(), line.cost(), BigDecimal::add);
        }
        for (TenantLine tenant : statement.tenants()) {
            Map<String, BigDecimal> byDeployment = targets.get(tenant.key());
            if (byDeployment == null) {
                continue;
            }
            List<LedgerRow> rows = ledgers.query(new LedgerQuery(
                            statement.from(),
                            statement.to(),
                            List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.DAY),
                            Optional.of(tenant.key()),
                            TenantScope.allTenants()))
                    .rows();
            int start = 0;
            while (start < rows.size()) {
                String deployment = rows.get(start).deployment();
                int end = start;
                while (end < rows.size() && rows.get(end).deployment().equals(deployment)) {
                    end++;
                }
                List<LedgerRow> days = rows.subList(start, end);
                BigDecimal target = byDeployment.get(deployment);
                if (target == null) {
                    throw new IllegalStateException("tenant " + tenant.key() + " has daily usage of " + deployment
                            + " that its statement does not show; read both in one transaction");
                }
                List<BigDecimal> costs = PresentationRounding.allocate(
                        days.stream().map(LedgerRow::cost).toList(), target, statement.minorUnits());
                for (int i = 0; i < days.size(); i++) {
                    LedgerRow day = days.get(i);
                    sink.accept(new DailyLine(
                            tenant.key(),
                            tenant.costCenter(),
                            deployment,
                            day.day(),
                            Usage.of(day),
                            day.cost(),
                            costs.get(i)));
                }
                start = end;
            }
        }
    }

    private LocalDate lastUsageDay(
            StatementRequest request,
            LocalDate from,
            LocalDate to,
            Optional<String> oneTenant,
            Function<String, Tenant> tenantOf) {
        return ledgers
                .query(new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.TENANT, LedgerDimension.DAY),
                        oneTenant,
                        TenantScope.allTenants()))
                .rows()
                .stream()
                .filter(row ->
                        request.shows(row.tenant(), tenantOf.apply(row.tenant()).costCenter()))
                .map(LedgerRow::day)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static List<CostCenterLine> costCenters(List<TenantLine> lines) {
        Map<String, List<TenantLine>> byCostCenter = new LinkedHashMap<>();
        for (TenantLine line : lines) {
            byCostCenter
                    .computeIfAbsent(line.costCenter(), key -> new ArrayList<>())
                    .add(line);
        }
        List<CostCenterLine> costCenters = new ArrayList<>();
        byCostCenter.forEach((costCenter, members) -> costCenters.add(new CostCenterLine(
                costCenter,
                members.size(),
                members.stream().map(TenantLine::usage).reduce(Usage.NONE, Usage::plus),
                members.stream().map(TenantLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add),
                members.stream().map(TenantLine::charged).reduce(BigDecimal.ZERO, BigDecimal::add),
                sum(members.stream().map(TenantLine::budget).toList()),
                sum(variances(members)))));
        return costCenters;
    }

    private static List<BigDecimal> variances(List<TenantLine> lines) {
        return lines.stream().map(line -> line.variance().orElse(null)).toList();
    }

    /** The sum of the amounts that are present; null when none is. */
    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }
}
