package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user on first start with an empty user table: with {@code TOKENLEDGER_ADMIN_PASSWORD}
 * when set, otherwise with a generated password that is printed once in the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final LocalUsers users;
    private final TokenLedgerProperties properties;
    private final PasswordPolicy passwords;

    AdminBootstrap(LocalUsers users, TokenLedgerProperties properties, PasswordPolicy passwords) {
        this.users = users;
        this.properties = properties;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyExist()) {
            return;
        }
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank()) {
            users.create("admin", configured, Role.ADMIN);
            log.info("Created user 'admin' with the password from TOKENLEDGER_ADMIN_PASSWORD");
            // the operator's choice for a first start (a demo, a test) is kept, but not without saying so
            passwords
                    .problem("admin", configured)
                    .ifPresent(problem -> log.warn(
                            "The password of 'admin' from tokenledger.admin-password (TOKENLEDGER_ADMIN_PASSWORD) does"
                                    + " not meet the password policy: {}. Change it on the Users page.",
                            problem));
            return;
        }
        String generated = generatePassword();
        users.create("admin", generated, Role.ADMIN);
        log.warn(
                "\n\n    Created user 'admin' with the generated password: {}\n"
                        + "    It is shown only this once. Set TOKENLEDGER_ADMIN_PASSWORD before the first start"
                        + " to choose it.\n",
                generated);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
