package io.tokenledger.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that wires the pricing and ingest modules over the db module's auto-configuration. */
@SpringBootApplication(scanBasePackages = "io.tokenledger")
class IngestTestApplication {}
