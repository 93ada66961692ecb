package io.tokenledger.web.pricing;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.fx.FxRate;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.statement.RateCardVersionsUsed;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FX rates per billing period: {@code GET /api/v1/fx-rates[?period=YYYY-MM]} lists them (newest period first);
 * {@code POST /api/v1/fx-rates} {@code {"period":"2026-11","currency":"EUR","rate":"1.0850","source":"ECB"}} enters or
 * corrects one of an open period (one EUR = 1.0850 in the reporting currency) and converts that period's stored EUR
 * usage anew; a closed period's rates are final (409).
 */
@RestController
@RequestMapping("/api/v1/fx-rates")
class FxRatesController {

    private final FxRates fx;
    private final BillingPeriods periods;
    private final RateCardVersionsUsed versionsUsed;
    private final BusinessCalendar calendar;

    FxRatesController(
            FxRates fx, BillingPeriods periods, RateCardVersionsUsed versionsUsed, BusinessCalendar calendar) {
        this.fx = fx;
        this.periods = periods;
        this.versionsUsed = versionsUsed;
        this.calendar = calendar;
    }

    /**
     * {@code GET /api/v1/fx-rates/missing[?period=YYYY-MM]}: the usage of the period (default: the current one) priced
     * by cards in a currency that has no rate for it, which is therefore unpriced, with the reason.
     */
    @GetMapping("/missing")
    Map<String, Object> missing(@RequestParam(required = false) YearMonth period) {
        YearMonth month = period == null ? calendar.currentPeriod() : period;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", month.toString());
        json.put("reportingCurrency", fx.reportingCurrency());
        json.put(
                "unconverted",
                versionsUsed.inPeriod(month, TenantScope.allTenants()).stream()
                        .filter(use -> use.note().startsWith("not converted"))
                        .map(use -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("deployment", use.deployment());
                            line.put("model", use.model());
                            line.put("from", use.from());
                            line.put("to", use.to());
                            line.put(
                                    "rateCardId",
                                    use.card().map(card -> card.id()).orElse(null));
                            line.put(
                                    "currency",
                                    use.card().map(card -> card.currency()).orElse(null));
                            line.put("reason", use.note());
                            return line;
                        })
                        .toList());
        return json;
    }

    @GetMapping
    List<Map<String, Object>> all(@RequestParam(required = false) YearMonth period) {
        return fx.all().stream()
                .filter(rate -> period == null || rate.period().equals(period))
                .map(FxRatesController::json)
                .toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> set(@RequestBody RateJson body, Principal principal) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be an FX rate JSON object.");
        }
        YearMonth period = period(body.period());
        if (periods.isClosed(period)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "Billing period " + period + " is closed; its FX rates are final (enter rates before closing).");
        }
        FxRate saved = fx.set(period, body.currency(), rate(body.rate()), principal.getName(), body.source());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(saved));
    }

    private static Map<String, Object> json(FxRate rate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", rate.period().toString());
        json.put("currency", rate.currency());
        json.put("reportingCurrency", rate.reportingCurrency());
        json.put("rate", Amounts.exact(rate.rate()));
        json.put("source", rate.source());
        json.put("enteredAt", rate.enteredAt());
        json.put("enteredBy", rate.enteredBy());
        return json;
    }

    private static YearMonth period(String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("period is required: a billing period as YYYY-MM");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("period must be a month as YYYY-MM, e.g. 2026-10, was '" + value + "'");
        }
    }

    private static BigDecimal rate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DecimalBounds.parse("rate", value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("rate must be a decimal number such as \"1.0850\", was '" + value + "'");
        }
    }

    /** {@code rate} as a JSON string (or a number, read as written). */
    record RateJson(String period, String currency, String rate, String source) {}
}
