package io.tokenledger.reporting.chargeback;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.reporting.periods.BillingPeriods;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chargeback models per tenant or cost center: immutable versions, each in force from a billing period until the
 * subject's next version, so a month's statement always shows the model of that month. A version may not start in or
 * before a closed period (whose statement is final). Without any model a tenant is charged at cost.
 */
@Service
public class ChargebackModels {

    private static final int MAX_LENGTH = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ChargebackModelRepository repository;
    private final BillingPeriods periods;
    private final BusinessCalendar calendar;

    ChargebackModels(ChargebackModelRepository repository, BillingPeriods periods, BusinessCalendar calendar) {
        this.repository = repository;
        this.periods = periods;
        this.calendar = calendar;
    }

    /**
     * @throws RejectedException naming the wrong field; a conflict when the subject has a version from
     *     that period already or the period (or a later one) is closed
     */
    @Transactional
    public ChargebackModel publish(NewChargebackModel model, String createdBy) {
        if (model.scope() == null) {
            throw RejectedException.invalid("scope", "give a tenant or a cost center");
        }
        String subject = model.subject() == null ? "" : model.subject().strip();
        if (subject.isEmpty() || subject.length() > MAX_LENGTH) {
            throw RejectedException.invalid(
                    model.scope() == ChargebackModel.Scope.TENANT ? "tenant" : "costCenter",
                    "the tenant key or cost center is required (1 to " + MAX_LENGTH + " characters)");
        }
        if (model.effectiveFrom() == null) {
            throw RejectedException.invalid(
                    "effectiveFrom", "effectiveFrom is required: the first billing period, YYYY-MM");
        }
        if (model.kind() == null) {
            throw RejectedException.invalid("model", "model is required: at-cost, markup, discount or free");
        }
        BigDecimal percent =
                DecimalBounds.check("percent", model.percent() == null ? BigDecimal.ZERO : model.percent());
        switch (model.kind()) {
            case MARKUP -> {
                if (percent.signum() <= 0) {
                    throw RejectedException.invalid("percent", "a markup needs a positive percent, e.g. \"10\"");
                }
            }
            case DISCOUNT -> {
                if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                    throw RejectedException.invalid("percent", "a discount needs a percent above 0 and at most 100");
                }
            }
            default -> {
                if (percent.signum() != 0) {
                    throw RejectedException.invalid("percent", "percent applies only to markup and discount");
                }
            }
        }
        if (model.reason() != null && model.reason().length() > 1000) {
            throw RejectedException.invalid("reason", "reason must be at most 1000 characters");
        }
        YearMonth current = calendar.currentPeriod();
        for (YearMonth period = model.effectiveFrom(); !period.isAfter(current); period = period.plusMonths(1)) {
            if (periods.isClosed(period)) {
                throw RejectedException.conflict(
                        "effectiveFrom",
                        "billing period " + period + " is closed and its statement is final; a chargeback model must"
                                + " start after the last closed period");
            }
        }
        NewChargebackModel checked = new NewChargebackModel(
                model.scope(), subject, model.effectiveFrom(), model.kind(), percent, model.reason());
        if (repository.exists(checked.scope(), subject, checked.effectiveFrom())) {
            throw RejectedException.conflict(
                    "effectiveFrom",
                    subject + " already has a chargeback model from " + checked.effectiveFrom()
                            + "; versions are immutable, publish one from a later period");
        }
        return repository.insert(checked, percent, createdBy);
    }

    @Transactional(readOnly = true)
    public List<ChargebackModel> all() {
        return repository.all();
    }

    /**
     * The model in force in {@code period} for each tenant: its own, else its cost center's; tenants with neither are
     * absent (at cost).
     *
     * @param costCenterByTenant tenant key to cost center (null when it has none)
     */
    @Transactional(readOnly = true)
    public Map<String, ChargebackModel> inForce(YearMonth period, Map<String, String> costCenterByTenant) {
        Map<String, ChargebackModel> tenants = new HashMap<>();
        Map<String, ChargebackModel> costCenters = new HashMap<>();
        for (ChargebackModel model : repository.startingBy(period)) {
            // ordered by effectiveFrom, so the latest version of a subject wins
            (model.scope() == ChargebackModel.Scope.TENANT ? tenants : costCenters).put(model.subject(), model);
        }
        Map<String, ChargebackModel> result = new HashMap<>();
        costCenterByTenant.forEach((tenant, costCenter) -> Optional.ofNullable(tenants.get(tenant))
                .or(() -> Optional.ofNullable(costCenter == null ? null : costCenters.get(costCenter)))
                .ifPresent(model -> result.put(tenant, model)));
        return result;
    }
}
