package io.tokenledger.reporting.schedule;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Report schedules and their run log: what the API and the reports page manage. */
@Service
public class ReportSchedules {

    static final int MAX_RECIPIENTS = 50;

    private final ScheduleRepository schedules;
    private final RunRepository runs;
    private final RunClaims claims;
    private final BusinessCalendar calendar;
    private final ReportSchedulePoller poller;
    private final ObjectProvider<JavaMailSender> mailSender;

    ReportSchedules(
            ScheduleRepository schedules,
            RunRepository runs,
            RunClaims claims,
            BusinessCalendar calendar,
            ReportSchedulePoller poller,
            ObjectProvider<JavaMailSender> mailSender) {
        this.schedules = schedules;
        this.runs = runs;
        this.claims = claims;
        this.calendar = calendar;
        this.poller = poller;
        this.mailSender = mailSender;
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}); without one every run fails. */
    public boolean mailConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /** Why runs fail while {@link #mailConfigured()} is false; names the property to set. */
    public static String mailNotConfiguredReason() {
        return ReportDeliveries.MAIL_NOT_CONFIGURED;
    }

    /**
     * Validates and stores a schedule. Accepted also when no SMTP server is configured; its runs then fail with a
     * reason naming {@code spring.mail.host}.
     *
     * @throws RejectedException naming the wrong field
     */
    @Transactional
    public ReportSchedule create(NewReportSchedule schedule, String createdBy) {
        CronSchedule cron = cron(schedule.cron());
        ZoneId zone = zone(schedule.zone());
        if (cron.next(Instant.now(), zone).isEmpty()) {
            throw RejectedException.invalid("cron", "cron '" + schedule.cron() + "' never fires");
        }
        if (cron.firesTooOften(Instant.now(), zone)) {
            throw RejectedException.invalid(
                    "cron",
                    "cron '" + schedule.cron() + "' fires more than once a minute; schedule reports at most"
                            + " once a minute (e.g. '0 0 7 1 * *' for 07:00 on the 1st)");
        }
        ReportScope scope;
        try {
            scope = ReportScope.parse(schedule.scope());
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid("scope", e.getMessage());
        }
        ReportFormat format = ReportFormat.parse(schedule.format())
                .orElseThrow(() -> RejectedException.invalid(
                        "format", "format must be 'xlsx', 'html' or 'both', was '" + schedule.format() + "'"));
        ReportPeriod period = ReportPeriod.parse(schedule.period())
                .orElseThrow(() -> RejectedException.invalid(
                        "period", "period must be 'previous' or 'current', was '" + schedule.period() + "'"));
        List<String> recipients = recipients(schedule.recipients(), scope);
        String name = schedule.name() == null || schedule.name().isBlank()
                ? scope.describe() + " (" + format.text() + ")"
                : schedule.name().strip();
        if (name.length() > 200) {
            throw RejectedException.invalid("name", "name must be at most 200 characters");
        }
        return schedules.insert(name, cron, zone, recipients, scope, format, period, createdBy);
    }

    @Transactional(readOnly = true)
    public List<ReportSchedule> all() {
        return schedules.all();
    }

    @Transactional(readOnly = true)
    public Optional<ReportSchedule> find(long id) {
        return schedules.find(id);
    }

    /** Deletes a schedule and its run log; false when there was none. */
    @Transactional
    public boolean delete(long id) {
        return schedules.delete(id);
    }

    /** A schedule's latest runs, newest first. */
    @Transactional(readOnly = true)
    public List<ReportRun> runs(long scheduleId, int limit) {
        return runs.runs(Optional.of(scheduleId), limit);
    }

    /** The latest runs of every schedule, newest first. */
    @Transactional(readOnly = true)
    public List<ReportRun> recentRuns(int limit) {
        return runs.runs(Optional.empty(), limit);
    }

    /**
     * Runs a schedule now, outside its cron: a manual run whose messages are sent by the next delivery pass, which
     * starts as soon as this transaction commits.
     *
     * @return the run, or empty when there is no such schedule
     */
    @Transactional
    public Optional<ReportRun> runNow(long scheduleId) {
        Optional<ReportSchedule> schedule = schedules.find(scheduleId);
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long runId = claims.claim(schedule.get(), now, RunRepository.MANUAL, RunClaims.INSTANCE)
                .orElseThrow(() -> new IllegalStateException(
                        "a manual run of schedule " + scheduleId + " at " + now + " exists already; try again"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poller.wakeUp();
                }
            });
        }
        return runs.runs(Optional.of(scheduleId), 50).stream()
                .filter(run -> run.id() == runId)
                .findFirst();
    }

    private static CronSchedule cron(String cron) {
        try {
            return CronSchedule.parse(cron);
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid("cron", e.getMessage());
        }
    }

    private ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return calendar.zone();
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw RejectedException.invalid(
                    "zone", "zone '" + zone + "' is not a time zone id (use e.g. UTC or Europe/Berlin)");
        }
    }

    private static List<String> recipients(List<String> given, ReportScope scope) {
        Set<String> recipients = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).strip();
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                if (!parsed.getAddress().contains("@")) {
                    throw new AddressException("no @ and domain");
                }
                recipients.add(parsed.toUnicodeString());
            } catch (AddressException e) {
                throw RejectedException.invalid(
                        "recipients[" + i + "]", "recipients[" + i + "]: '" + address + "' is not an email address");
            }
        }
        if (recipients.isEmpty() && scope instanceof ReportScope.Statement) {
            throw RejectedException.invalid(
                    "recipients", "recipients: give at least one email address to send the statement to");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw RejectedException.invalid(
                    "recipients", "recipients: at most " + MAX_RECIPIENTS + " addresses per schedule");
        }
        return new ArrayList<>(recipients);
    }
}
