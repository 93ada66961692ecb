package io.tokenledger.reporting;

import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.pricing.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Periods, budgets and alerts on the JVM's test PostgreSQL with a business calendar whose today is
 * {@link #TODAY} (UTC), so that "the open period" and "the current month" are the same whenever the tests run.
 * Background jobs are off (tests run them); plain http channel URLs and the address 127.0.0.1 are allowed for the local
 * stand-in receivers.
 * Every subclass shares one Spring context.
 */
@SpringBootTest(
        classes = ReportingTestApplication.class,
        properties = {
            "tokenledger.reporting.schedules.enabled=false",
            "tokenledger.reporting.alerts.delivery.enabled=false",
            "tokenledger.reporting.alerts.check-cron=-",
            "tokenledger.reporting.periods.auto-close-after-days=0",
            "tokenledger.reporting.alerts.public-url=https://tokenledger.example.com",
            "tokenledger.alerts.allow-http=true",
            "tokenledger.alerts.allowed-internal-hosts=127.0.0.1"
        })
@UsesTestDatabase
public abstract class FixedTodayTest {

    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    public static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    public static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    public static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TestBean
    BusinessCalendar businessCalendar;

    static BusinessCalendar businessCalendar() {
        return new BusinessCalendar(ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
