package io.tokenledger.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings under {@code tokenledger.*} (modules bind their own sub-prefixes).
 *
 * @param demo load a month of synthetic gateway traffic and rate cards at start-up
 * @param adminPassword password of the {@code admin} user created on first start with an empty database
 *     ({@code TOKENLEDGER_ADMIN_PASSWORD}); a random one is generated and logged once when absent
 */
@ConfigurationProperties("tokenledger")
public record TokenLedgerProperties(@DefaultValue("false") boolean demo, String adminPassword) {}
