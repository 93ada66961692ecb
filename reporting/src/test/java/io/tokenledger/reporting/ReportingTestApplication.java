package io.tokenledger.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that wires pricing, ingest and reporting over the db module's auto-configuration. */
@SpringBootApplication(scanBasePackages = "io.tokenledger")
public class ReportingTestApplication {}
