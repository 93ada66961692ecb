package io.tokenledger.pricing.fx;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.PricingProperties;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FX rates per billing period: what one unit of a currency is worth in the reporting currency
 * ({@code tokenledger.pricing.currency}) for that month. A rate is stored with its period, so a past month's amounts
 * never change when rates move; a missing rate leaves the amounts it would convert unconverted, never 1:1.
 */
@Service
public class FxRates {

    private final FxRateRepository repository;
    private final PricingProperties properties;
    private final ApplicationEventPublisher events;

    FxRates(FxRateRepository repository, PricingProperties properties, ApplicationEventPublisher events) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Stores (or corrects) the rate of a period; callers refuse closed periods, whose rates are final.
     *
     * @throws RejectedException naming the wrong field
     */
    @Transactional
    public FxRate set(YearMonth period, String currency, BigDecimal rate, String user, String source) {
        if (period == null) {
            throw RejectedException.invalid("period", "period is required (YYYY-MM)");
        }
        String code = currency(currency);
        if (code.equals(properties.currency())) {
            throw RejectedException.invalid(
                    "currency", code + " is the reporting currency (tokenledger.pricing.currency); it needs no rate");
        }
        if (rate == null || rate.signum() <= 0) {
            throw RejectedException.invalid(
                    "rate", "rate must be a positive number: one " + code + " in " + properties.currency());
        }
        DecimalBounds.check("rate", rate);
        if (source != null && source.length() > 1000) {
            throw RejectedException.invalid("source", "source must be at most 1000 characters");
        }
        FxRate saved = repository.save(period, code, properties.currency(), rate.stripTrailingZeros(), user, source);
        events.publishEvent(new FxRateSet(saved));
        return saved;
    }

    @Transactional(readOnly = true)
    public Optional<FxRate> rate(YearMonth period, String currency) {
        return repository.find(period, currency);
    }

    @Transactional(readOnly = true)
    public List<FxRate> all() {
        return repository.all();
    }

    public String reportingCurrency() {
        return properties.currency();
    }

    private static String currency(String value) {
        try {
            return Currency.getInstance(value == null ? "" : value.trim().toUpperCase(Locale.ROOT))
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid(
                    "currency", "currency must be an ISO 4217 code such as EUR, was '" + value + "'");
        }
    }

    /** The amount in the reporting currency, or empty when its currency needs a rate the period does not have. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> toReporting(YearMonth period, String currency, BigDecimal amount) {
        if (currency.equals(properties.currency())) {
            return Optional.of(amount);
        }
        return rate(period, currency).map(rate -> rate.convert(amount));
    }
}
