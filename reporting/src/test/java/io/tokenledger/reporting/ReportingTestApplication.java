package io.tokenledger.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The smallest application that wires pricing, ingest and reporting over the db module's auto-configuration. */
@SpringBootApplication(scanBasePackages = "io.tokenledger")
@ConfigurationPropertiesScan("io.tokenledger")
public class ReportingTestApplication {}
