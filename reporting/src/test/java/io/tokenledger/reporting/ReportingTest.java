package io.tokenledger.reporting;

import io.tokenledger.db.testing.UsesTestDatabase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The reporting module wired over the JVM's test PostgreSQL, without a mail server and with the background
 * scheduler off (tests tick it themselves). Every test class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = ReportingTestApplication.class,
        properties = {"tokenledger.reporting.schedules.enabled=false"})
@UsesTestDatabase
public @interface ReportingTest {}
