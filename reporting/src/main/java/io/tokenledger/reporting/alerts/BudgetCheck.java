package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.periods.ClusterJobLock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The scheduled budget check: every budget, once cluster-wide per run (a safety net behind per-batch evaluation). */
@Component
class BudgetCheck {

    private static final Logger log = LoggerFactory.getLogger(BudgetCheck.class);

    private final BudgetAlerts alerts;
    private final ClusterJobLock jobLock;
    private final TransactionTemplate transaction;

    BudgetCheck(BudgetAlerts alerts, ClusterJobLock jobLock, TransactionTemplate transaction) {
        this.alerts = alerts;
        this.jobLock = jobLock;
        this.transaction = transaction;
    }

    void run() {
        try {
            List<Alert> fired = transaction.execute(
                    status -> jobLock.tryLock("alerts.budget-check") ? alerts.evaluateAll() : List.of());
            if (fired != null && !fired.isEmpty()) {
                log.info("Scheduled budget check fired {} alert(s)", fired.size());
            }
        } catch (RuntimeException e) {
            log.error("The scheduled budget check failed; it runs again at its next time", e);
        }
    }
}
