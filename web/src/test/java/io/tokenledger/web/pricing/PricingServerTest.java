package io.tokenledger.web.pricing;

import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.web.TokenLedgerApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, configured exactly as the end-to-end suite's {@code TokenLedgerServerTest}
 * (package-private there), so that Spring's context cache gives these tests the same running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = TokenLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenledger.admin-password=" + PricingServerTest.ADMIN_PASSWORD,
            "tokenledger.ingest.http.max-body-size=" + PricingServerTest.MAX_BODY_SIZE
        })
@UsesTestDatabase
@interface PricingServerTest {

    String ADMIN_PASSWORD = io.tokenledger.web.testing.WebClient.ADMIN_PASSWORD;

    String MAX_BODY_SIZE = "64KB";
}
