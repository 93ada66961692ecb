/**
 * The database of TokenLedger: Flyway migrations ({@code db/migration}), the jOOQ classes generated from them
 * at build time ({@code io.tokenledger.db.jooq}), and the embedded PostgreSQL that serves as the default
 * database when no external one is configured.
 *
 * <p>Public face: {@link io.tokenledger.db.DbProperties} ({@code tokenledger.db.*}), the generated
 * {@code io.tokenledger.db.jooq.Tables}, and {@link io.tokenledger.db.RejectedException}, the one type every module
 * throws for a request it refuses (the web module answers it as a problem with the field named). Everything else is
 * wiring.
 */
package io.tokenledger.db;
