package io.tokenledger.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.db.*}: where the embedded PostgreSQL keeps its data. Ignored when an external database is
 * configured with {@code spring.datasource.url} or {@code TOKENLEDGER_DB_URL}.
 */
@ConfigurationProperties("tokenledger.db")
public record DbProperties(@DefaultValue Embedded embedded) {

    /**
     * @param dataDir the data directory; kept across restarts (default {@code ~/.tokenledger/postgres})
     * @param port the TCP port on 127.0.0.1; 0 picks a free one at every start
     */
    public record Embedded(Path dataDir, @DefaultValue("0") int port) {

        public Embedded {
            if (dataDir == null) {
                dataDir = Path.of(System.getProperty("user.home"), ".tokenledger", "postgres");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "tokenledger.db.embedded.port must be between 0 and 65535, was " + port);
            }
        }
    }
}
