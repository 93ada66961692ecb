package io.tokenledger.reporting.alerts;

import io.tokenledger.ingest.LedgerChanged;
import io.tokenledger.reporting.budgets.BudgetChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evaluates budgets right after a batch (or a rule change, or a re-pricing) commits, so an alert is recorded as soon
 * as the crossing usage is in the ledger, and right after a budget is set, so a budget that is already exceeded
 * alerts at once. After the commit, not inside it: the last of two concurrent batches then sees the other's usage
 * too, and a failed evaluation cannot undo ingested usage (the scheduled check catches up).
 */
@Component
class AlertTriggers {

    private static final Logger log = LoggerFactory.getLogger(AlertTriggers.class);

    private final BudgetAlerts alerts;

    AlertTriggers(BudgetAlerts alerts) {
        this.alerts = alerts;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ledgerChanged(LedgerChanged change) {
        try {
            alerts.evaluate(change.tenants(), change.periods(), change.days());
        } catch (RuntimeException e) {
            log.error(
                    "Budgets of {} could not be evaluated after ingest; the scheduled check will", change.tenants(), e);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void budgetChanged(BudgetChanged change) {
        try {
            alerts.evaluate(change.budget());
        } catch (RuntimeException e) {
            log.error(
                    "The new budget of {} could not be evaluated; the scheduled check will",
                    change.budget().subject(),
                    e);
        }
    }
}
