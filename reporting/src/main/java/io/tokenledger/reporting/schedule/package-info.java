/**
 * Scheduled chargeback email. {@link io.tokenledger.reporting.schedule.ReportSchedules} stores schedules (cron, time
 * zone, recipients, scope, format) and keeps their run log. Every instance ticks; an occurrence is claimed by
 * inserting its run under a unique (schedule, occurrence) key, so it runs once however many instances there are.
 * Each message is sent through Spring's {@code JavaMailSender} ({@code spring.mail.*}) and retried with a doubling
 * wait when sending fails. {@link io.tokenledger.reporting.schedule.TenantOwners} is the extension point for
 * per-tenant-owner schedules.
 */
@NamedInterface("schedule")
package io.tokenledger.reporting.schedule;

import org.springframework.modulith.NamedInterface;
