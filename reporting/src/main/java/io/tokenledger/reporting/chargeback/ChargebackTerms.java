package io.tokenledger.reporting.chargeback;

import io.tokenledger.reporting.statement.Charging;
import io.tokenledger.reporting.statement.StatementExtras;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gives chargeback statements each tenant's chargeback model of the period. */
@Component
class ChargebackTerms implements StatementExtras {

    private final ChargebackModels models;

    ChargebackTerms(ChargebackModels models) {
        this.models = models;
    }

    @Override
    public Map<String, Charging> charging(YearMonth period, Map<String, String> costCenterByTenant) {
        Map<String, Charging> charging = new HashMap<>();
        models.inForce(period, costCenterByTenant)
                .forEach((tenant, model) -> charging.put(tenant, new Charging(model.describeFor(), model.factor())));
        return charging;
    }
}
