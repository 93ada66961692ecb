package io.tokenledger.reporting.schedule;

import io.tokenledger.db.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Schedules for tests, and the one thing no API does: moving a schedule's creation into the past. */
final class ScheduleTestData {

    private ScheduleTestData() {}

    static NewReportSchedule monthly(String scope, String format, String... recipients) {
        return new NewReportSchedule(null, "0 0 7 1 * *", "UTC", List.of(recipients), scope, format, "previous");
    }

    /** Pretends the schedule was created at {@code createdAt}, so that a test can tick at a time in the past. */
    static void createdAt(ReportSchedule schedule, Instant createdAt) {
        TestDatabase.get()
                .dsl()
                .execute(
                        "update report_schedule set created_at = ? where report_schedule_id = ?",
                        Timestamp.from(createdAt),
                        schedule.id());
    }
}
