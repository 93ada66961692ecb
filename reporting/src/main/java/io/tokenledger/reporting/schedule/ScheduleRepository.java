package io.tokenledger.reporting.schedule;

import static io.tokenledger.db.jooq.Tables.REPORT_RUN;
import static io.tokenledger.db.jooq.Tables.REPORT_SCHEDULE;

import io.tokenledger.db.jooq.tables.records.ReportScheduleRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleRepository {

    private final DSLContext dsl;

    ScheduleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ReportSchedule insert(
            String name,
            CronSchedule cron,
            ZoneId zone,
            List<String> recipients,
            ReportScope scope,
            ReportFormat format,
            ReportPeriod period,
            String createdBy) {
        return toSchedule(dsl.insertInto(REPORT_SCHEDULE)
                .set(REPORT_SCHEDULE.NAME, name)
                .set(REPORT_SCHEDULE.CRON, cron.text())
                .set(REPORT_SCHEDULE.ZONE, zone.getId())
                .set(REPORT_SCHEDULE.RECIPIENTS, recipients.toArray(String[]::new))
                .set(REPORT_SCHEDULE.SCOPE, scope.text())
                .set(REPORT_SCHEDULE.FORMAT, format.text())
                .set(REPORT_SCHEDULE.PERIOD, period.text())
                .set(REPORT_SCHEDULE.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    List<ReportSchedule> all() {
        return dsl.selectFrom(REPORT_SCHEDULE)
                .orderBy(REPORT_SCHEDULE.REPORT_SCHEDULE_ID)
                .fetch(ScheduleRepository::toSchedule);
    }

    Optional<ReportSchedule> find(long id) {
        return dsl.selectFrom(REPORT_SCHEDULE)
                .where(REPORT_SCHEDULE.REPORT_SCHEDULE_ID.eq(id))
                .fetchOptional(ScheduleRepository::toSchedule);
    }

    boolean delete(long id) {
        return dsl.deleteFrom(REPORT_SCHEDULE)
                        .where(REPORT_SCHEDULE.REPORT_SCHEDULE_ID.eq(id))
                        .execute()
                > 0;
    }

    /** The latest scheduled (not manual) occurrence claimed for each schedule. */
    Map<Long, Instant> lastScheduledOccurrences() {
        return dsl.select(REPORT_RUN.REPORT_SCHEDULE_ID, DSL.max(REPORT_RUN.OCCURRENCE))
                .from(REPORT_RUN)
                .where(REPORT_RUN.TRIGGER.eq(RunRepository.SCHEDULED))
                .groupBy(REPORT_RUN.REPORT_SCHEDULE_ID)
                .fetchMap(row -> row.value1(), row -> row.value2().toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static ReportSchedule toSchedule(ReportScheduleRecord row) {
        return new ReportSchedule(
                row.getReportScheduleId(),
                row.getName(),
                row.getCron(),
                ZoneId.of(row.getZone()),
                List.of(row.getRecipients()),
                ReportScope.parse(row.getScope()),
                ReportFormat.parse(row.getFormat()).orElseThrow(),
                ReportPeriod.parse(row.getPeriod()).orElseThrow(),
                row.getCreatedBy(),
                row.getCreatedAt().toInstant());
    }
}
