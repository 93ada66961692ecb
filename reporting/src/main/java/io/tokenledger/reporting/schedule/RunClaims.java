package io.tokenledger.reporting.schedule;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims an occurrence of a schedule and creates its messages, in one transaction: whichever instance inserts the
 * run first owns it, so a schedule runs once per occurrence however many instances tick it.
 */
@Service
class RunClaims {

    /** This instance, as the run log names it: host, process and a random suffix. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final RunRepository runs;
    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final ObjectProvider<TenantOwners> owners;

    RunClaims(RunRepository runs, Ledgers ledgers, BusinessCalendar calendar, ObjectProvider<TenantOwners> owners) {
        this.runs = runs;
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.owners = owners;
    }

    /**
     * Claims {@code occurrence} for this instance and creates the run's messages, due at once.
     *
     * @return the run's id, or empty when another claim (another instance, or an earlier tick) has it already
     */
    @Transactional
    public Optional<Long> claim(ReportSchedule schedule, Instant occurrence, String trigger, String instance) {
        YearMonth period = schedule.period().of(YearMonth.from(calendar.dayOf(occurrence)));
        Optional<Long> claimed = runs.claim(schedule.id(), occurrence, trigger, period, instance);
        claimed.ifPresent(runId -> addDeliveries(runId, schedule, period, occurrence));
        return claimed;
    }

    private void addDeliveries(long runId, ReportSchedule schedule, YearMonth period, Instant now) {
        if (schedule.scope() instanceof ReportScope.Statement) {
            runs.addDelivery(runId, null, schedule.recipients(), now);
            return;
        }
        Set<String> tenants = tenantsWithUsage(period);
        TenantOwners lookup = owners.getIfAvailable();
        if (lookup == null) {
            runs.addFailedDelivery(
                    runId,
                    null,
                    schedule.recipients(),
                    now,
                    "scope per-tenant-owner needs to know tenant owners, and no owner lookup is installed (tenant"
                            + " owners come with the budgets feature); use scope all, costCenter:X or tenant:K"
                            + " until then");
            return;
        }
        Map<String, List<String>> emails = tenants.isEmpty() ? Map.of() : lookup.ownerEmails(tenants);
        for (String tenant : tenants) {
            List<String> ownerEmails = emails.getOrDefault(tenant, List.of());
            Set<String> recipients = new LinkedHashSet<>(ownerEmails);
            recipients.addAll(schedule.recipients());
            if (ownerEmails.isEmpty()) {
                runs.addFailedDelivery(
                        runId,
                        tenant,
                        new ArrayList<>(recipients),
                        now,
                        "tenant " + tenant + " has no owner with an email address; give it an owner to send it"
                                + " its statement");
            } else {
                runs.addDelivery(runId, tenant, new ArrayList<>(recipients), now);
            }
        }
    }

    private Set<String> tenantsWithUsage(YearMonth period) {
        Set<String> tenants = new TreeSet<>();
        ledgers
                .query(new LedgerQuery(
                        period.atDay(1),
                        period.atEndOfMonth(),
                        List.of(LedgerDimension.TENANT),
                        Optional.empty(),
                        TenantScope.allTenants()))
                .rows()
                .stream()
                .map(LedgerRow::tenant)
                .forEach(tenants::add);
        return tenants;
    }
}
