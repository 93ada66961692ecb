package io.tokenledger.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tokenledger.ingest.*}.
 *
 * @param maxNestingDepth deepest JSON nesting accepted in a payload
 * @param http the HTTP source
 */
@ConfigurationProperties("tokenledger.ingest")
public record IngestProperties(
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue Http http) {

    public IngestProperties {
        if (maxNestingDepth < 4 || maxNestingDepth > 1000) {
            throw new IllegalArgumentException(
                    "tokenledger.ingest.max-nesting-depth must be between 4 and 1000, was " + maxNestingDepth);
        }
    }

    /** @param maxBodySize largest request body {@code POST /api/v1/usage-events} accepts (413 above it) */
    public record Http(@DefaultValue("32MB") DataSize maxBodySize) {

        public Http {
            if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "tokenledger.ingest.http.max-body-size must be between 1KB and 2GB, was " + maxBodySize);
            }
        }
    }
}
