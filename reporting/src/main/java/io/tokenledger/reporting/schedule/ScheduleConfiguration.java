package io.tokenledger.reporting.schedule;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportScheduleProperties.class)
class ScheduleConfiguration {}
