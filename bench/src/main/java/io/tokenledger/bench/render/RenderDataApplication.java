package io.tokenledger.bench.render;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The modules below web, wired as in the service, without HTTP: enough to load usage through the pipeline. */
@SpringBootApplication(
        scanBasePackages = {
            "io.tokenledger.db",
            "io.tokenledger.pricing",
            "io.tokenledger.ingest",
            "io.tokenledger.reporting"
        })
class RenderDataApplication {}
