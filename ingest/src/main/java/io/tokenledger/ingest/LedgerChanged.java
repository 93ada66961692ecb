package io.tokenledger.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Announced inside the writing transaction when usage was added to the ledger or moved between tenants: whose
 * spend changed, in which billing periods and on which business days. Usage of a closed period is not listed by its
 * day: it became an adjustment booked in the open period, which is listed. Budgets are evaluated from it once the
 * transaction has committed.
 */
public record LedgerChanged(Set<String> tenants, Set<YearMonth> periods, Set<LocalDate> days) {

    public LedgerChanged {
        tenants = Set.copyOf(tenants);
        periods = Set.copyOf(periods);
        days = Set.copyOf(days);
    }

    static LedgerChanged of(Collection<UsageEventWriter.Touched> touched, YearMonth openPeriod) {
        Set<String> tenants = new TreeSet<>();
        Set<YearMonth> periods = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>();
        for (UsageEventWriter.Touched usage : touched) {
            tenants.add(usage.tenant());
            if (usage.late()) {
                periods.add(openPeriod);
            } else {
                periods.add(YearMonth.from(usage.day()));
                days.add(usage.day());
            }
        }
        return new LedgerChanged(tenants, periods, days);
    }
}
