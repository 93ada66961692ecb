package io.tokenledger.web.pricing;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.pricing.provisioned.AllocationRule;
import io.tokenledger.pricing.provisioned.Billing;
import io.tokenledger.pricing.provisioned.Commitment;
import io.tokenledger.pricing.provisioned.CommitmentAllocation;
import io.tokenledger.pricing.provisioned.CommitmentSpan;
import io.tokenledger.pricing.provisioned.IdleAssignee;
import io.tokenledger.pricing.provisioned.NewCommitment;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.provisioned.ProvisionedCapacity;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.ViewerScopes;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provisioned (PTU) commitments: {@code GET/POST /api/v1/provisioned} lists and publishes immutable versions;
 * {@code GET /api/v1/provisioned/allocations?period=YYYY-MM[&tenant=K]} shows how each deployment's fixed cost of the
 * period is shared among tenants (exact strings; the lines add up to the commitment's cost to the minor unit).
 */
@RestController
@RequestMapping("/api/v1/provisioned")
class ProvisionedController {

    private final ProvisionedCapacity capacity;
    private final FxRates fx;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    ProvisionedController(ProvisionedCapacity capacity, FxRates fx, BusinessCalendar calendar, ViewerScopes scopes) {
        this.capacity = capacity;
        this.fx = fx;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    @GetMapping
    List<Map<String, Object>> all() {
        return capacity.commitments().stream()
                .map(ProvisionedController::commitmentJson)
                .toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> publish(@RequestBody CommitmentJson body, Principal principal) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a commitment JSON object.");
        }
        Commitment published = capacity.publish(body.toNewCommitment(), principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(commitmentJson(published));
    }

    /** Lines of the caller's tenants only; {@code tenant} narrows them to one. */
    @GetMapping("/allocations")
    Map<String, Object> allocations(
            @RequestParam(required = false) YearMonth period, @RequestParam(required = false) String tenant) {
        YearMonth month = period == null ? calendar.currentPeriod() : period;
        // the caller's tenants, or the one asked for (403 outside them)
        TenantScope scope = scopes.narrowedTo(tenant);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", month.toString());
        json.put("reportingCurrency", fx.reportingCurrency());
        json.put(
                "commitments",
                capacity.allocations(month, scope).stream()
                        .map(allocation -> allocationJson(allocation, month))
                        .toList());
        return json;
    }

    private Map<String, Object> allocationJson(CommitmentAllocation allocation, YearMonth period) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deployment", allocation.deployment());
        json.put("currency", allocation.currency());
        json.put("exactCost", Amounts.exact(allocation.exactCost()));
        json.put("cost", allocation.cost().toPlainString());
        Optional<BigDecimal> converted = fx.toReporting(period, allocation.currency(), allocation.cost());
        json.put("reportingCost", converted.map(Amounts::exact).orElse(null));
        if (converted.isEmpty()) {
            json.put("unconverted", "no " + allocation.currency() + " rate for " + period + " (POST /api/v1/fx-rates)");
        }
        json.put(
                "versions",
                allocation.spans().stream().map(ProvisionedController::spanJson).toList());
        json.put(
                "lines",
                allocation.lines().stream()
                        .map(line -> {
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("tenant", line.tenant());
                            out.put("share", line.share().name().toLowerCase(Locale.ROOT));
                            out.put("tokens", line.tokens());
                            out.put("exactShare", Amounts.exact(line.exactShare()));
                            out.put("amount", line.amount().toPlainString());
                            out.put(
                                    "reportingAmount",
                                    fx.toReporting(period, allocation.currency(), line.amount())
                                            .map(Amounts::exact)
                                            .orElse(null));
                            return out;
                        })
                        .toList());
        return json;
    }

    private static Map<String, Object> spanJson(CommitmentSpan span) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", span.commitment().id());
        json.put("from", span.from());
        json.put("until", span.until());
        json.put("days", span.days());
        json.put("hours", span.hours());
        json.put("billing", span.commitment().billing().name().toLowerCase(Locale.ROOT));
        json.put("amount", Amounts.exact(span.commitment().amount()));
        json.put("allocation", parameter(span.commitment().rule().name()));
        return json;
    }

    private static Map<String, Object> commitmentJson(Commitment commitment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", commitment.id());
        json.put("deployment", commitment.deployment());
        json.put("effectiveFrom", commitment.effectiveFrom());
        json.put("billing", commitment.billing().name().toLowerCase(Locale.ROOT));
        json.put("amount", Amounts.exact(commitment.amount()));
        json.put("currency", commitment.currency());
        json.put("allocation", parameter(commitment.rule().name()));
        json.put("ownerTenant", commitment.ownerTenant());
        json.put("idleTo", commitment.idleTo().name().toLowerCase(Locale.ROOT));
        json.put("capacityTokensPerHour", commitment.capacityTokensPerHour());
        json.put("rateCardId", commitment.rateCardId());
        json.put("reason", commitment.reason());
        json.put("createdAt", commitment.createdAt());
        json.put("createdBy", commitment.createdBy());
        return json;
    }

    private static String parameter(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Amounts as JSON strings (or numbers, read as written) so that no binary float touches them. */
    record CommitmentJson(
            String deployment,
            String effectiveFrom,
            String billing,
            String amount,
            String currency,
            String allocation,
            String ownerTenant,
            String idleTo,
            Long capacityTokensPerHour,
            String reason) {

        NewCommitment toNewCommitment() {
            return new NewCommitment(
                    deployment,
                    day(effectiveFrom),
                    choice("billing", billing, Billing.class, null),
                    amount(amount),
                    currency,
                    choice("allocation", allocation, AllocationRule.class, AllocationRule.USAGE_SHARE),
                    ownerTenant,
                    choice("idleTo", idleTo, IdleAssignee.class, IdleAssignee.POOL),
                    capacityTokensPerHour,
                    reason == null || reason.isBlank() ? null : reason.trim());
        }

        private static LocalDate day(String value) {
            if (value == null || value.isBlank()) {
                throw ApiProblem.badRequest("effectiveFrom is required: a day as YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("effectiveFrom must be a day as YYYY-MM-DD, was '" + value + "'");
            }
        }

        private static BigDecimal amount(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return DecimalBounds.parse("amount", value);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("amount must be a decimal number such as \"2.50\", was '" + value + "'");
            }
        }

        private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E absent) {
            if (value == null || value.isBlank()) {
                if (absent == null) {
                    throw ApiProblem.badRequest(field + " is required: " + options(type));
                }
                return absent;
            }
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E option : type.getEnumConstants()) {
                if (option.name().equals(name)) {
                    return option;
                }
            }
            throw ApiProblem.badRequest(field + " must be one of " + options(type) + ", was '" + value + "'");
        }

        private static String options(Class<? extends Enum<?>> type) {
            return String.join(
                    ", ",
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(option -> parameter(option.name()))
                            .toList());
        }
    }
}
