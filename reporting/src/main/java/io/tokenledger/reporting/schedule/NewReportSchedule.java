package io.tokenledger.reporting.schedule;

import java.util.List;

/**
 * A schedule as a person or script asks for it, unvalidated (see {@link ReportSchedules#create}).
 *
 * @param name optional; made up from scope and format when blank
 * @param cron a Spring cron expression, seconds first ({@code 0 0 7 1 * *}); five fields are read as minutes first
 * @param zone the time zone the cron runs in; the business time zone when blank
 * @param scope {@code all}, {@code costCenter:X}, {@code tenant:K} or {@code per-tenant-owner}
 * @param format {@code xlsx}, {@code html} or {@code both}
 * @param period {@code previous} (default) or {@code current}
 */
public record NewReportSchedule(
        String name, String cron, String zone, List<String> recipients, String scope, String format, String period) {

    public NewReportSchedule {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
