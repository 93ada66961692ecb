/**
 * The database of TokenLedger: Flyway migrations ({@code db/migration}), the jOOQ classes generated from them
 * at build time ({@code io.tokenledger.db.jooq}), and the embedded PostgreSQL that serves as the default
 * database when no external one is configured.
 *
 * <p>Public face: {@link io.tokenledger.db.DbProperties} ({@code tokenledger.db.*}) and the generated
 * {@code io.tokenledger.db.jooq} classes. Everything else is wiring. An open module: every module reaches its own
 * tables through the generated classes, and which module may write or read which table is held by ARCHITECTURE.md's
 * table and its test, not by this module's face.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.tokenledger.db;

import org.springframework.modulith.ApplicationModule;
