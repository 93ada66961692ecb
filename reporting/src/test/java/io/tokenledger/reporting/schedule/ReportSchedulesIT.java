package io.tokenledger.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.RejectedException;
import io.tokenledger.reporting.MarchScenario;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Schedules as the API stores them, the refusals that name the field, and runs without an SMTP server. */
@ReportingTest
class ReportSchedulesIT {

    @Autowired
    ReportingData data;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    ReportDeliveries deliveries;

    @BeforeEach
    void empty() {
        data.reset();
    }

    @Test
    void aScheduleIsStoredWithItsCronZoneRecipientsScopeAndFormat() {
        ReportSchedule created = schedules.create(
                new NewReportSchedule(
                        "Finance monthly",
                        "0 0 7 1 * *",
                        "Europe/Berlin",
                        List.of("finance@example.com", " cfo@example.com "),
                        "costCenter:CC-100",
                        "both",
                        null),
                "admin");

        assertThat(schedules.all()).containsExactly(created);
        assertThat(created.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(created.recipients()).containsExactly("finance@example.com", "cfo@example.com");
        assertThat(created.scope().text()).isEqualTo("costCenter:CC-100");
        assertThat(created.format()).isEqualTo(ReportFormat.BOTH);
        assertThat(created.period()).isEqualTo(ReportPeriod.PREVIOUS);
        assertThat(created.nextOccurrence(Instant.parse("2026-11-15T00:00:00Z")))
                .contains(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void aScheduleWithoutNameOrZoneGetsDefaults() {
        ReportSchedule created = schedules.create(
                new NewReportSchedule(null, "0 0 7 1 * *", null, List.of("a@example.com"), "all", "xlsx", ""), "admin");

        assertThat(created.name()).isEqualTo("All tenants (xlsx)");
        assertThat(created.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void wrongFieldsAreRefusedByName() {
        assertRejected(
                new NewReportSchedule(null, "every day", null, List.of("a@example.com"), "all", "xlsx", null), "cron");
        assertRejected(
                new NewReportSchedule(null, "* * * * * *", null, List.of("a@example.com"), "all", "xlsx", null),
                "cron");
        assertRejected(
                new NewReportSchedule(
                        null, "0 0 7 1 * *", "Mars/Olympus", List.of("a@example.com"), "all", "xlsx", null),
                "zone");
        assertRejected(
                new NewReportSchedule(
                        null, "0 0 7 1 * *", null, List.of("a@example.com", "not an address"), "all", "xlsx", null),
                "recipients[1]");
        assertRejected(new NewReportSchedule(null, "0 0 7 1 * *", null, List.of(), "all", "xlsx", null), "recipients");
        assertRejected(
                new NewReportSchedule(null, "0 0 7 1 * *", null, List.of("a@example.com"), "team:x", "xlsx", null),
                "scope");
        assertRejected(
                new NewReportSchedule(null, "0 0 7 1 * *", null, List.of("a@example.com"), "all", "pdf", null),
                "format");
        assertRejected(
                new NewReportSchedule(null, "0 0 7 1 * *", null, List.of("a@example.com"), "all", "xlsx", "next"),
                "period");
        assertThat(schedules.all()).isEmpty();
    }

    @Test
    void perTenantOwnerNeedsNoRecipientsAndAMonthWithoutUsageSendsNothing() {
        // the owners' own emails and the ownerless case are ScheduledEmailIT's; runNow reports last month, unused here
        MarchScenario.load(data);
        ReportSchedule schedule = schedules.create(ScheduleTestData.monthly("per-tenant-owner", "xlsx"), "admin");

        schedules.runNow(schedule.id());
        ReportRun run = schedules.runs(schedule.id(), 1).getFirst();

        assertThat(schedule.recipients()).isEmpty();
        assertThat(run.deliveries()).isEmpty();
    }

    @Test
    void withoutSpringMailHostTheScheduleIsAcceptedAndItsRunFailsNamingTheProperty() {
        ReportSchedule schedule =
                schedules.create(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"), "admin");

        ReportRun manual = schedules.runNow(schedule.id()).orElseThrow();
        assertThat(manual.trigger()).isEqualTo("manual");
        assertThat(manual.outcome()).isEqualTo("pending");
        deliveries.deliverDue(Instant.now().plusSeconds(1));

        ReportRun run = schedules.runs(schedule.id(), 1).getFirst();
        assertThat(run.outcome()).isEqualTo("failed");
        ReportDelivery delivery = run.deliveries().getFirst();
        assertThat(delivery.lastError()).contains("spring.mail.host");
        assertThat(delivery.attempts())
                .as("no retries: nothing could change without a restart")
                .isEqualTo(1);
        assertThat(run.recipients()).containsExactly("finance@example.com");
    }

    @Test
    void deletingAScheduleDeletesItsRunLog() {
        ReportSchedule schedule =
                schedules.create(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"), "admin");
        schedules.runNow(schedule.id());

        assertThat(schedules.delete(schedule.id())).isTrue();

        assertThat(schedules.find(schedule.id())).isEmpty();
        assertThat(schedules.recentRuns(10)).isEmpty();
        assertThat(schedules.runNow(schedule.id())).isEmpty();
    }

    private void assertRejected(NewReportSchedule schedule, String field) {
        assertThatThrownBy(() -> schedules.create(schedule, "admin"))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo(field));
    }
}
