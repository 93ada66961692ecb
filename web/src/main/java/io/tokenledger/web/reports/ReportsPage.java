package io.tokenledger.web.reports;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.reporting.schedule.NewReportSchedule;
import io.tokenledger.reporting.schedule.ReportDelivery;
import io.tokenledger.reporting.schedule.ReportRun;
import io.tokenledger.reporting.schedule.ReportSchedule;
import io.tokenledger.reporting.statement.StatementText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.Authentication;

/** View models of the reports page: display strings and ready links only. */
final class ReportsPage {

    private static final int PERIODS_OFFERED = 24;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportsPage() {}

    record PeriodOption(String value, String label, boolean selected) {}

    record DownloadRow(String scope, String xlsxHref, String htmlHref) {}

    record TenantOption(String key, String label) {}

    record ScheduleRow(
            long id,
            String name,
            String cron,
            String zone,
            String scope,
            String format,
            String period,
            String recipients,
            String nextRun) {}

    record RunRow(
            long id,
            String when,
            String schedule,
            String trigger,
            String period,
            String outcome,
            String recipients,
            String attempts,
            String nextRetry,
            String error) {}

    /**
     * The schedule form as submitted, shown again with the error when it was refused. A field left out is what the
     * form offers by default: every tenant, a workbook, the previous period; the service names the default zone.
     */
    record ScheduleForm(
            String name, String cron, String zone, String recipients, String scope, String format, String period) {

        ScheduleForm {
            scope = Objects.requireNonNullElse(scope, "all");
            format = Objects.requireNonNullElse(format, "xlsx");
            period = Objects.requireNonNullElse(period, "previous");
        }

        static ScheduleForm blank(String zone) {
            return new ScheduleForm("", "0 0 7 1 * *", zone, "", "all", "xlsx", "previous");
        }

        /** The schedule to create; recipients are separated by commas, semicolons or spaces. */
        NewReportSchedule schedule() {
            List<String> addresses = recipients == null
                    ? List.of()
                    : Arrays.stream(recipients.split("[,;\\s]+"))
                            .filter(address -> !address.isBlank())
                            .toList();
            return new NewReportSchedule(name, cron, zone, addresses, scope, format, period);
        }
    }

    static List<PeriodOption> periods(YearMonth current, YearMonth selected) {
        List<PeriodOption> options = new ArrayList<>();
        for (int i = 0; i < PERIODS_OFFERED; i++) {
            YearMonth month = current.minusMonths(i);
            String label = StatementText.month(month) + (i == 0 ? " (month to date)" : "");
            options.add(new PeriodOption(month.toString(), label, month.equals(selected)));
        }
        if (selected.isBefore(current.minusMonths(PERIODS_OFFERED - 1))) {
            options.add(new PeriodOption(selected.toString(), StatementText.month(selected), true));
        }
        return options;
    }

    static List<DownloadRow> downloads(String base, YearMonth period, List<String> costCenters) {
        List<DownloadRow> rows = new ArrayList<>();
        String query = "?period=" + period;
        rows.add(new DownloadRow("All tenants", base + ".xlsx" + query, base + ".html" + query));
        for (String costCenter : costCenters) {
            String scoped = query + "&costCenter=" + URLEncoder.encode(costCenter, StandardCharsets.UTF_8);
            rows.add(new DownloadRow("Cost center " + costCenter, base + ".xlsx" + scoped, base + ".html" + scoped));
        }
        return rows;
    }

    static List<TenantOption> tenantOptions(List<Tenant> tenants) {
        return tenants.stream()
                .map(tenant -> new TenantOption(
                        tenant.key(),
                        tenant.displayName().equals(tenant.key())
                                ? tenant.key()
                                : tenant.displayName() + " (" + tenant.key() + ")"))
                .toList();
    }

    static List<ScheduleRow> schedules(List<ReportSchedule> schedules) {
        Instant now = Instant.now();
        return schedules.stream()
                .map(schedule -> new ScheduleRow(
                        schedule.id(),
                        schedule.name(),
                        schedule.cron(),
                        schedule.zone().getId(),
                        schedule.scope().describe(),
                        schedule.format().text(),
                        schedule.period().text(),
                        String.join(", ", schedule.recipients()),
                        schedule.nextOccurrence(now)
                                .map(next -> WHEN.format(next.atZone(schedule.zone())) + " "
                                        + schedule.zone().getId())
                                .orElse("never")))
                .toList();
    }

    static List<RunRow> runs(List<ReportRun> runs, ZoneId zone) {
        return runs.stream().map(run -> run(run, zone)).toList();
    }

    private static RunRow run(ReportRun run, ZoneId zone) {
        List<ReportDelivery> deliveries = run.deliveries();
        int attempts =
                deliveries.stream().mapToInt(ReportDelivery::attempts).max().orElse(0);
        String nextRetry = deliveries.stream()
                .filter(ReportDelivery::retrying)
                .map(ReportDelivery::nextAttemptAt)
                .min(Instant::compareTo)
                .map(next -> WHEN.format(next.atZone(zone)))
                .orElse("");
        List<String> errors = deliveries.stream()
                .filter(delivery -> !delivery.state().equals("sent"))
                .map(delivery -> delivery.tenant() == null
                        ? delivery.lastError()
                        : delivery.lastError() == null ? null : delivery.tenant() + ": " + delivery.lastError())
                .filter(Objects::nonNull)
                .toList();
        String error = errors.isEmpty() ? "" : errors.getFirst();
        if (errors.size() > 1) {
            error += " (and " + (errors.size() - 1) + " more)";
        }
        return new RunRow(
                run.id(),
                WHEN.format(run.occurrence().atZone(zone)),
                run.scheduleName(),
                run.trigger(),
                run.period().toString(),
                run.outcome(),
                String.join(", ", run.recipients()),
                Integer.toString(attempts),
                nextRetry,
                error);
    }

    static boolean isAdmin(Authentication user) {
        return user != null
                && user.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_ADMIN"));
    }
}
