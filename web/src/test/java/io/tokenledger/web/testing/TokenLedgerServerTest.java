package io.tokenledger.web.testing;

import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.web.TokenLedgerApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against the JVM's test PostgreSQL. Every web test class of every feature
 * uses this one annotation, so they all share one cached Spring context and the suite starts the server once. Its
 * business calendar is the real one (UTC): tests use dates relative to today or before it. No
 * {@code spring.mail.host}: scheduled report runs fail with a reason that names it. Alert channels may reach 127.0.0.1
 * (the tests' receivers), and no other internal address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = TokenLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenledger.admin-password=" + TokenLedgerServerTest.ADMIN_PASSWORD,
            "tokenledger.ingest.http.max-body-size=" + TokenLedgerServerTest.MAX_BODY_SIZE,
            "tokenledger.alerts.allowed-internal-hosts=127.0.0.1"
        })
@UsesTestDatabase
public @interface TokenLedgerServerTest {

    String ADMIN_PASSWORD = WebClient.ADMIN_PASSWORD;

    /** Small, so that a test can exceed it with a body of ~100 KB. */
    String MAX_BODY_SIZE = "64KB";
}
