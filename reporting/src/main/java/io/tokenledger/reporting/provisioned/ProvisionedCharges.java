package io.tokenledger.reporting.provisioned;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.pricing.provisioned.CommitmentAllocation;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.statement.ExtraCharge;
import io.tokenledger.reporting.statement.StatementExtras;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Puts provisioned-capacity allocations on chargeback statements, one line per tenant, share and deployment, in the
 * reporting currency (converted with the period's FX rate). Without a rate the line shows what is owed in the
 * commitment's currency with an amount of zero and says so: an amount is never converted 1:1.
 */
@Component
class ProvisionedCharges implements StatementExtras {

    private final ProvisionedCapacity capacity;
    private final FxRates fx;
    private final BusinessCalendar calendar;

    ProvisionedCharges(ProvisionedCapacity capacity, FxRates fx, BusinessCalendar calendar) {
        this.capacity = capacity;
        this.fx = fx;
        this.calendar = calendar;
    }

    @Override
    public List<ExtraCharge> charges(YearMonth period, Set<String> tenantKeys) {
        LocalDate today = calendar.today();
        LocalDate day = period.equals(YearMonth.from(today)) ? today : period.atEndOfMonth();
        List<ExtraCharge> charges = new ArrayList<>();
        for (CommitmentAllocation allocation : capacity.allocations(period, TenantScope.only(tenantKeys))) {
            for (CommitmentAllocation.Line line : allocation.lines()) {
                Optional<BigDecimal> converted = fx.toReporting(period, allocation.currency(), line.amount());
                charges.add(new ExtraCharge(
                        line.tenant(),
                        ExtraCharge.Kind.ALLOCATION,
                        day,
                        describe(allocation, line, converted.isPresent(), period),
                        converted.orElse(BigDecimal.ZERO)));
            }
        }
        return charges;
    }

    private String describe(
            CommitmentAllocation allocation, CommitmentAllocation.Line line, boolean converted, YearMonth period) {
        StringBuilder text = new StringBuilder("Provisioned ")
                .append(allocation.deployment())
                .append(": ")
                .append(line.share().label());
        if (line.share() == CommitmentAllocation.Share.USAGE) {
            long total = allocation.lines().stream()
                    .filter(other -> other.share() == CommitmentAllocation.Share.USAGE)
                    .mapToLong(CommitmentAllocation.Line::tokens)
                    .sum();
            NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
            count.setGroupingUsed(true);
            text.append(", ").append(count.format(line.tokens())).append(" tokens");
            if (total > 0) {
                text.append(" of ").append(count.format(total));
            }
        }
        text.append(" (")
                .append(line.amount().toPlainString())
                .append(' ')
                .append(allocation.currency())
                .append(" of ")
                .append(allocation.cost().toPlainString())
                .append(')');
        if (!allocation.currency().equals(fx.reportingCurrency())) {
            text.append(
                    converted
                            ? " converted at the " + period + " rate"
                            : " NOT CONVERTED: no " + allocation.currency() + " rate for " + period
                                    + "; enter one to charge it");
        }
        return text.toString();
    }
}
