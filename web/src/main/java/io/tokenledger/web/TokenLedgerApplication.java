package io.tokenledger.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts TokenLedger: the dashboard, the REST API and every enabled ingest source. */
@SpringBootApplication(scanBasePackages = "io.tokenledger")
@ConfigurationPropertiesScan("io.tokenledger")
public class TokenLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenLedgerApplication.class, args);
    }
}
