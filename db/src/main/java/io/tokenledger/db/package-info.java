/**
 * The database of TokenLedger: Flyway migrations ({@code db/migration}), the jOOQ classes generated from them
 * at build time ({@code io.tokenledger.db.jooq}), and the embedded PostgreSQL that serves as the default
 * database when no external one is configured.
 *
 * <p>Public face: {@link io.tokenledger.db.DbProperties} ({@code tokenledger.db.*}) and the generated
 * {@code io.tokenledger.db.jooq.Tables}. Everything else is wiring.
 */
package io.tokenledger.db;
