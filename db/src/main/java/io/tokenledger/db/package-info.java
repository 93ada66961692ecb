/**
 * The database of TokenLedger: Flyway migrations ({@code db/migration}), the jOOQ classes generated from them
 * at build time ({@code io.tokenledger.db.jooq}), and the embedded PostgreSQL that serves as the default
 * database when no external one is configured.
 *
 * <p>Public face: {@link io.tokenledger.db.DbProperties} ({@code tokenledger.db.*}), the generated
 * {@code io.tokenledger.db.jooq} classes, and {@link io.tokenledger.db.RejectedException}, the one type every module
 * throws for a request it refuses (the web module answers it as a problem with the field named). Everything else is
 * wiring. An open module: every module reaches its own tables through the generated classes, and which module may
 * write or read which table is held by ARCHITECTURE.md's table and its test, not by this module's face.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.tokenledger.db;

import org.springframework.modulith.ApplicationModule;
