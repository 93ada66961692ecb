package io.tokenledger.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;

/** Starts TokenLedger: the dashboard, the REST API and every enabled ingest source. */
@SpringBootApplication(scanBasePackages = "io.tokenledger")
@EnableConfigurationProperties(TokenLedgerProperties.class)
public class TokenLedgerApplication {

    private static final Logger log = LoggerFactory.getLogger(TokenLedgerApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(TokenLedgerApplication.class, args);
    }

    /** Says where the service answers, once it does: after the start-up runners (the admin user is created). */
    @EventListener
    void announceReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof ServletWebServerApplicationContext context
                && context.getWebServer() != null) {
            ServerProperties server =
                    context.getBeanProvider(ServerProperties.class).getIfAvailable(ServerProperties::new);
            log.info(
                    "TokenLedger ready at {}",
                    url(
                            Ssl.isEnabled(server.getSsl()),
                            server.getAddress(),
                            context.getWebServer().getPort(),
                            context.getServletContext().getContextPath()));
        }
    }

    /** Where people reach the service: the bound address, or localhost when it listens on every address. */
    static String url(boolean https, InetAddress address, int port, String contextPath) {
        String host;
        if (address == null || address.isAnyLocalAddress()) {
            host = "localhost";
        } else if (address instanceof Inet6Address) {
            host = "[" + address.getHostAddress() + "]";
        } else {
            host = address.getHostAddress();
        }
        return (https ? "https" : "http") + "://" + host + ":" + port + contextPath;
    }
}
