package io.tokenledger.pricing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PricingProperties.class, io.tokenledger.pricing.provisioned.ProvisionedProperties.class
})
class PricingConfiguration {

    @Bean
    BusinessCalendar businessCalendar(@Value("${tokenledger.business-zone:UTC}") String zone) {
        return BusinessCalendar.fromSetting(zone);
    }
}
