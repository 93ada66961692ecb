package io.tokenledger.pricing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
class PricingConfiguration {

    @Bean
    BusinessCalendar businessCalendar(PricingProperties properties) {
        return BusinessCalendar.fromSetting(properties.businessZone());
    }
}
