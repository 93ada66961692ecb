package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Attempts the messages that are due, one claim at a time: renders the statement, sends it through Spring's
 * {@link JavaMailSender}, and records the outcome. A failed attempt is retried with a doubling wait until
 * {@code max-attempts}; without {@code spring.mail.host} nothing can be sent, and the message fails at once with a
 * reason that names the property.
 */
@Component
class ReportDeliveries {

    static final String MAIL_NOT_CONFIGURED = "Mail is not configured: set spring.mail.host (and spring.mail.port,"
            + " spring.mail.username and spring.mail.password as your SMTP server needs) to send scheduled reports";

    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final RunRepository runs;
    private final StatementDocuments documents;
    private final StatementMailer mailer;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ReportingProperties.Schedules settings;

    ReportDeliveries(
            RunRepository runs,
            StatementDocuments documents,
            StatementMailer mailer,
            ObjectProvider<JavaMailSender> mailSender,
            ReportingProperties properties) {
        this.runs = runs;
        this.documents = documents;
        this.mailer = mailer;
        this.mailSender = mailSender;
        this.settings = properties.reporting().schedules();
    }

    /** Attempts every message due at {@code now}; returns how many attempts were made. */
    int deliverDue(Instant now) {
        int attempts = 0;
        Optional<RunRepository.DueDelivery> due;
        while ((due = runs.claimDue(now, settings.lease())).isPresent()) {
            attempt(due.get(), now);
            attempts++;
        }
        return attempts;
    }

    private void attempt(RunRepository.DueDelivery delivery, Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("Report run {} message {} not sent: {}", delivery.runId(), delivery.id(), MAIL_NOT_CONFIGURED);
            runs.markFailed(delivery.id(), MAIL_NOT_CONFIGURED);
            return;
        }
        StatementDocuments.Rendered rendered = null;
        try {
            rendered = documents.render(
                    request(delivery), ReportFormat.parse(delivery.format()).orElseThrow());
            mailer.send(sender, delivery.recipients(), rendered);
            runs.markSent(delivery.id(), Instant.now());
            log.info(
                    "Report run {}: sent {} to {} (attempt {})",
                    delivery.runId(),
                    rendered.statement().title(),
                    delivery.recipients(),
                    delivery.attempt());
        } catch (Exception e) {
            failed(delivery, now, e);
        } finally {
            if (rendered != null) {
                rendered.deleteFiles();
            }
        }
    }

    private void failed(RunRepository.DueDelivery delivery, Instant now, Exception e) {
        String reason = reason(e);
        if (delivery.attempt() >= settings.maxAttempts()) {
            log.warn(
                    "Report run {} message {}: attempt {} failed, giving up: {}",
                    delivery.runId(),
                    delivery.id(),
                    delivery.attempt(),
                    reason,
                    e);
            runs.markFailed(delivery.id(), reason + " (gave up after " + delivery.attempt() + " attempts)");
            return;
        }
        Instant next = now.plus(settings.retryDelay(delivery.attempt()));
        log.warn(
                "Report run {} message {}: attempt {} failed, retrying at {}: {}",
                delivery.runId(),
                delivery.id(),
                delivery.attempt(),
                next,
                reason);
        runs.markRetry(delivery.id(), reason, next);
    }

    private static StatementRequest request(RunRepository.DueDelivery delivery) {
        StatementScope scope = delivery.tenant() != null
                ? new StatementScope.Tenant(delivery.tenant())
                : ((ReportScope.Statement) ReportScope.parse(delivery.scope())).scope();
        return StatementRequest.of(delivery.period(), scope);
    }

    /** The exception's message and its cause's, which for mail says what the server answered. */
    private static String reason(Exception e) {
        StringBuilder reason = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null
                && cause.getMessage() != null
                && !String.valueOf(e.getMessage()).contains(cause.getMessage())) {
            reason.append(" (").append(cause.getMessage()).append(')');
        }
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason.toString();
    }
}
