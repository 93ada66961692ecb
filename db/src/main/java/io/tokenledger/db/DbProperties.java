package io.tokenledger.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The db module's settings, {@code tokenledger.db.*}: where the embedded PostgreSQL keeps its data. Ignored when an
 * external database is configured with {@code spring.datasource.url} or {@code TOKENLEDGER_DB_URL}.
 *
 * @param embedded the embedded PostgreSQL
 */
@ConfigurationProperties("tokenledger.db")
public record DbProperties(@DefaultValue Embedded embedded) {

    /**
     * {@code tokenledger.db.embedded.*}.
     *
     * @param dataDir where the embedded PostgreSQL keeps its data, across restarts; a leading ~ is the user's home
     *     directory
     * @param port the TCP port on 127.0.0.1; 0 picks a free one at every start
     */
    public record Embedded(
            @DefaultValue(DEFAULT_DATA_DIR) Path dataDir,
            @DefaultValue("0") int port) {

        static final String DEFAULT_DATA_DIR = "~/.tokenledger/postgres";
        private static final Path HOME = Path.of("~");

        public Embedded {
            if (dataDir == null) { // an empty setting
                dataDir = Path.of(DEFAULT_DATA_DIR);
            }
            if (dataDir.startsWith(HOME)) {
                dataDir = Path.of(System.getProperty("user.home")).resolve(HOME.relativize(dataDir));
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "tokenledger.db.embedded.port must be between 0 and 65535, was " + port);
            }
        }
    }
}
