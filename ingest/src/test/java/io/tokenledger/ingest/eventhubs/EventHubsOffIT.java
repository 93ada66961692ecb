package io.tokenledger.ingest.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** With nothing configured the application starts as before and says once how to turn Event Hubs on. */
@ExtendWith(OutputCaptureExtension.class)
class EventHubsOffIT {

    @Test
    void withoutSettingsTheApplicationStartsAndLogsOneLineNamingTheProperties(CapturedOutput output) {
        TestDatabase database = TestDatabase.get();
        SpringApplication application = new SpringApplication(OffApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()))) {
            assertThat(context.getBean(EventHubsConsumer.class).isRunning()).isTrue();
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Event Hubs ingestion is off")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("tokenledger.ingest.eventhubs.connection-string")
                        .contains("tokenledger.ingest.eventhubs.fully-qualified-namespace")
                        .contains("tokenledger.ingest.eventhubs.event-hub-name"));
    }

    @SpringBootApplication(scanBasePackages = "io.tokenledger")
    static class OffApplication {}
}
