package io.tokenledger.ingest.appinsights;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppInsightsProperties.class)
class AppInsightsConfiguration {}
