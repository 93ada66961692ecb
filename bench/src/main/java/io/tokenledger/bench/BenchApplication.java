package io.tokenledger.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The modules below web, wired as in the service, without HTTP. */
@SpringBootApplication(
        scanBasePackages = {
            "io.tokenledger.db",
            "io.tokenledger.pricing",
            "io.tokenledger.ingest",
            "io.tokenledger.reporting"
        })
class BenchApplication {}
