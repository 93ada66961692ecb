package io.tokenledger.ingest.eventhubs;

import io.tokenledger.db.testing.UsesTestDatabase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The ingest module on the JVM's test PostgreSQL with the {@link CrashSwitch} and the {@link GroupProbe}; every Event Hubs integration test
 * uses this one annotation, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@UsesTestDatabase
@Import({CrashSwitch.class, GroupProbe.class})
@interface EventHubsIntegrationTest {}
