package io.tokenledger.web.pricing;

import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.reporting.chargeback.ChargebackKind;
import io.tokenledger.reporting.chargeback.ChargebackModel;
import io.tokenledger.reporting.chargeback.ChargebackModels;
import io.tokenledger.reporting.chargeback.NewChargebackModel;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chargeback models: {@code GET /api/v1/chargeback-models} lists every version; {@code POST} publishes one,
 * {@code {"tenant":"acme" | "costCenter":"CC-100", "effectiveFrom":"2026-11", "model":"markup", "percent":"10",
 * "reason":"…"}} with {@code model} at-cost, markup, discount or free.
 */
@RestController
@RequestMapping("/api/v1/chargeback-models")
class ChargebackModelsController {

    private final ChargebackModels models;

    ChargebackModelsController(ChargebackModels models) {
        this.models = models;
    }

    @GetMapping
    List<Map<String, Object>> all() {
        return models.all().stream().map(ChargebackModelsController::json).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> publish(@RequestBody ModelJson body, Principal principal) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a chargeback model JSON object.");
        }
        ChargebackModel published = models.publish(body.toNewModel(), principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(published));
    }

    private static Map<String, Object> json(ChargebackModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", model.id());
        json.put(model.scope() == ChargebackModel.Scope.TENANT ? "tenant" : "costCenter", model.subject());
        json.put("effectiveFrom", model.effectiveFrom().toString());
        json.put("model", model.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.put("percent", Amounts.exact(model.percent()));
        json.put("factor", Amounts.exact(model.factor()));
        json.put("description", model.describe());
        json.put("reason", model.reason());
        json.put("createdAt", model.createdAt());
        json.put("createdBy", model.createdBy());
        return json;
    }

    /** {@code percent} as a JSON string (or a number, read as written). */
    record ModelJson(
            String tenant, String costCenter, String effectiveFrom, String model, String percent, String reason) {

        NewChargebackModel toNewModel() {
            boolean hasTenant = tenant != null && !tenant.isBlank();
            boolean hasCostCenter = costCenter != null && !costCenter.isBlank();
            if (hasTenant == hasCostCenter) {
                throw ApiProblem.badRequest("Give exactly one of tenant or costCenter.");
            }
            return new NewChargebackModel(
                    hasTenant ? ChargebackModel.Scope.TENANT : ChargebackModel.Scope.COST_CENTER,
                    hasTenant ? tenant : costCenter,
                    period(effectiveFrom),
                    kind(model),
                    percent(percent),
                    reason == null || reason.isBlank() ? null : reason.trim());
        }

        private static YearMonth period(String value) {
            if (value == null || value.isBlank()) {
                throw ApiProblem.badRequest("effectiveFrom is required: the first billing period as YYYY-MM");
            }
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("effectiveFrom must be a billing period as YYYY-MM, was '" + value + "'");
            }
        }

        private static ChargebackKind kind(String value) {
            String name =
                    value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (ChargebackKind kind : ChargebackKind.values()) {
                if (kind.name().equals(name)) {
                    return kind;
                }
            }
            throw ApiProblem.badRequest("model must be at-cost, markup, discount or free, was '" + value + "'");
        }

        private static BigDecimal percent(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return DecimalBounds.parse("percent", value);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("percent must be a decimal number such as \"10\", was '" + value + "'");
            }
        }
    }
}
