package io.tokenledger.ingest;

import io.tokenledger.ingest.format.UsagePayloadParser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    UsagePayloadParser usagePayloadParser(IngestProperties properties) {
        return new UsagePayloadParser(properties.maxNestingDepth());
    }
}
