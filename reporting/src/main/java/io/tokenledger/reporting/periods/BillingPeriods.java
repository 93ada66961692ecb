package io.tokenledger.reporting.periods;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.LedgerLocks;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.PeriodTotal;
import io.tokenledger.reporting.ledger.TenantScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing periods: calendar months in {@code tokenledger.business-zone}, open until an admin closes them or
 * {@code tokenledger.reporting.periods.auto-close-after-days} have passed after their last day. A closed period is
 * frozen: ingest books later usage and price corrections for it as adjustments in the open period, and mapping-rule
 * changes leave it alone.
 */
@Service
public class BillingPeriods {

    private static final Logger log = LoggerFactory.getLogger(BillingPeriods.class);

    private final BillingPeriodRepository repository;
    private final LedgerLocks locks;
    private final BusinessCalendar calendar;
    private final Ledgers ledgers;

    BillingPeriods(BillingPeriodRepository repository, LedgerLocks locks, BusinessCalendar calendar, Ledgers ledgers) {
        this.repository = repository;
        this.locks = locks;
        this.calendar = calendar;
        this.ledgers = ledgers;
    }

    /**
     * Closes a period that has ended. Waits for batches that are writing into it; batches after the close book
     * its usage as adjustments.
     *
     * @throws RejectedException INVALID when the period has not ended yet, CONFLICT when it is closed already
     */
    @Transactional
    public PeriodStatus close(YearMonth period, String closedBy) {
        YearMonth current = calendar.currentPeriod();
        if (!period.isBefore(current)) {
            throw RejectedException.invalid(
                    "period",
                    "Period " + period + " has not ended yet (today is " + calendar.today() + " in "
                            + calendar.zone().getId() + "); only periods before " + current + " can be closed.");
        }
        locks.lockForClosing(period);
        BillingPeriodRepository.Closed earlier = repository.find(period).orElse(null);
        if (earlier != null) {
            throw RejectedException.conflict(
                    "period",
                    "Period " + period + " was closed already, at " + earlier.closedAt() + " by " + earlier.closedBy()
                            + "; a closed period is never reopened.");
        }
        BillingPeriodRepository.Closed closed = repository.insert(period, Instant.now(), closedBy);
        log.info("Billing period {} closed by {}", period, closedBy);
        return status(period, closed);
    }

    @Transactional(readOnly = true)
    public boolean isClosed(YearMonth period) {
        return repository.find(period).isPresent();
    }

    /** The current period and every period with usage, adjustments or a close, newest first. */
    @Transactional(readOnly = true)
    public List<PeriodStatus> all() {
        Map<YearMonth, BillingPeriodRepository.Closed> closed = repository.all();
        TreeSet<YearMonth> periods = new TreeSet<>(Comparator.reverseOrder());
        periods.add(calendar.currentPeriod());
        periods.addAll(closed.keySet());
        periods.addAll(ledgers.periodsWithEntries());
        List<PeriodStatus> statuses = new ArrayList<>();
        for (YearMonth period : periods) {
            statuses.add(status(period, closed.get(period)));
        }
        return statuses;
    }

    @Transactional(readOnly = true)
    public PeriodStatus status(YearMonth period) {
        return status(period, repository.find(period).orElse(null));
    }

    /**
     * Closes every period that ended at least {@code afterDays} days ago and is still open; the periods closed.
     * Periods without usage need no close and are left alone.
     */
    @Transactional
    public List<YearMonth> closeEnded(int afterDays, String closedBy) {
        LocalDate today = calendar.today();
        Map<YearMonth, BillingPeriodRepository.Closed> closed = repository.all();
        List<YearMonth> due = ledgers.periodsWithEntries().stream()
                .filter(period -> !closed.containsKey(period))
                .filter(period -> period.isBefore(calendar.currentPeriod()))
                .filter(period -> !today.isBefore(period.atEndOfMonth().plusDays(afterDays)))
                .sorted()
                .toList();
        List<YearMonth> closedNow = new ArrayList<>();
        for (YearMonth period : due) {
            locks.lockForClosing(period);
            // an admin may have closed it since the list was read
            if (repository.find(period).isEmpty()) {
                repository.insert(period, Instant.now(), closedBy);
                closedNow.add(period);
            }
        }
        return closedNow;
    }

    private PeriodStatus status(YearMonth period, BillingPeriodRepository.Closed closed) {
        PeriodTotal total = ledgers.periodTotal(period, TenantScope.allTenants());
        return new PeriodStatus(
                period,
                closed != null,
                closed == null ? null : closed.closedAt(),
                closed == null ? null : closed.closedBy(),
                total.usage(),
                total.adjustments(),
                total.unpricedRequests());
    }
}
