package io.tokenledger.reporting.periods;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ReportingProperties;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules the automatic close (when {@code auto-close-after-days} > 0) on the business zone's calendar, once
 * cluster-wide through {@link ClusterJobLock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PeriodJobs implements SchedulingConfigurer {

    static final String AUTO_CLOSE_USER = "auto-close";

    private static final Logger log = LoggerFactory.getLogger(PeriodJobs.class);

    private final ReportingProperties.Periods settings;
    private final BillingPeriods periods;
    private final ClusterJobLock jobLock;
    private final TransactionTemplate transaction;
    private final BusinessCalendar calendar;

    PeriodJobs(
            ReportingProperties properties,
            BillingPeriods periods,
            ClusterJobLock jobLock,
            TransactionTemplate transaction,
            BusinessCalendar calendar) {
        this.settings = properties.reporting().periods();
        this.periods = periods;
        this.jobLock = jobLock;
        this.transaction = transaction;
        this.calendar = calendar;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.autoCloseEnabled()) {
            registrar.addTriggerTask(this::autoClose, new CronTrigger(settings.autoCloseCron(), calendar.zone()));
        }
    }

    /** One tick of the automatic close (package-private for tests). */
    void autoClose() {
        try {
            List<YearMonth> closed = transaction.execute(status -> jobLock.tryLock("periods.auto-close")
                    ? periods.closeEnded(settings.autoCloseAfterDays(), AUTO_CLOSE_USER)
                    : List.of());
            if (closed != null && !closed.isEmpty()) {
                log.info("Closed billing periods {} automatically", closed);
            }
        } catch (RuntimeException e) {
            log.error("The automatic close of billing periods failed; it is tried again at its next run", e);
        }
    }
}
