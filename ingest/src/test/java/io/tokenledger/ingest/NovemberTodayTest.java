package io.tokenledger.ingest;

import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.pricing.BusinessCalendar;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The pipeline on the test PostgreSQL with a business calendar whose today is 20 November 2026 (UTC), so that the
 * open period is November whenever the tests run. Every subclass shares one Spring context.
 */
@SpringBootTest
@UsesTestDatabase
abstract class NovemberTodayTest {

    @TestBean
    BusinessCalendar businessCalendar;

    static BusinessCalendar businessCalendar() {
        return BillingPeriodFixture.calendar();
    }
}
