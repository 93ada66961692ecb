package io.tokenledger.reporting.alerts;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ReportingProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts' background work: the delivery poller (every {@code delivery.poll-interval} on every instance; claims
 * never overlap) and the scheduled budget check ({@code check-cron} in the business zone, once cluster-wide).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertsConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AlertsConfiguration.class);

    private final ReportingProperties.Alerts settings;
    private final BusinessCalendar calendar;
    private final BudgetCheck budgetCheck;
    private final DeliveryRepository deliveries;
    private final AlertMessages messages;
    private final AlertSender sender;
    private final TransactionTemplate transaction;

    AlertsConfiguration(
            ReportingProperties properties,
            BusinessCalendar calendar,
            BudgetCheck budgetCheck,
            DeliveryRepository deliveries,
            AlertMessages messages,
            AlertSender sender,
            TransactionTemplate transaction) {
        this.settings = properties.reporting().alerts();
        this.calendar = calendar;
        this.budgetCheck = budgetCheck;
        this.deliveries = deliveries;
        this.messages = messages;
        this.sender = sender;
        this.transaction = transaction;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.delivery().enabled()) {
            DeliveryPoller poller = new DeliveryPoller(
                    deliveries, messages, sender, settings.delivery(), Clock.systemUTC(), transaction);
            registrar.addFixedDelayTask(() -> poll(poller), settings.delivery().pollInterval());
        }
        if (!settings.checkCron().equals("-")) {
            registrar.addTriggerTask(budgetCheck::run, new CronTrigger(settings.checkCron(), calendar.zone()));
        }
    }

    private static void poll(DeliveryPoller poller) {
        try {
            poller.deliverDue();
        } catch (RuntimeException e) {
            log.error("Alert delivery poll failed; the next poll tries again", e);
        }
    }
}
