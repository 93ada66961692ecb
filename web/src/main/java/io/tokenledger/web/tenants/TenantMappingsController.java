package io.tokenledger.web.tenants;

import io.tokenledger.ingest.NewTenantMappingRule;
import io.tokenledger.ingest.RuleChange;
import io.tokenledger.ingest.TenantMappingRule;
import io.tokenledger.ingest.TenantMappingRules;
import io.tokenledger.web.api.ApiProblem;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tenant-mappings}: mapping rules in the order they are tried. Adding, replacing or removing one
 * re-attributes the usage of open periods at once; the answer says how many events moved.
 */
@RestController
@RequestMapping("/api/v1/tenant-mappings")
class TenantMappingsController {

    private final TenantMappingRules rules;

    TenantMappingsController(TenantMappingRules rules) {
        this.rules = rules;
    }

    /** A rule as a caller sends it. */
    record RuleJson(String field, String match, String pattern, String tenant, Integer priority) {

        NewTenantMappingRule toRule() {
            return new NewTenantMappingRule(field, match, pattern, tenant, priority);
        }
    }

    @GetMapping
    List<Map<String, Object>> all() {
        return rules.all().stream().map(TenantMappingsController::ruleJson).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id) {
        return ruleJson(
                rules.find(id).orElseThrow(() -> ApiProblem.notFound("There is no mapping rule with id " + id + ".")));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> add(@RequestBody RuleJson body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(changeJson(rules.add(required(body).toRule(), principal.getName())));
    }

    @PutMapping("/{id}")
    Map<String, Object> replace(@PathVariable long id, @RequestBody RuleJson body) {
        return changeJson(rules.replace(id, required(body).toRule()));
    }

    @DeleteMapping("/{id}")
    Map<String, Object> remove(@PathVariable long id) {
        return changeJson(rules.remove(id));
    }

    private static RuleJson required(RuleJson body) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a mapping rule, e.g. {\"field\":\"subscriptionName\","
                    + "\"match\":\"exact\",\"pattern\":\"tenant-acme\",\"tenant\":\"acme\",\"priority\":10}.");
        }
        return body;
    }

    private static Map<String, Object> changeJson(RuleChange change) {
        Map<String, Object> json = ruleJson(change.rule());
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("events", change.movedEvents());
        moved.put("tenants", change.tenants().stream().sorted().toList());
        json.put("reattributed", moved);
        return json;
    }

    static Map<String, Object> ruleJson(TenantMappingRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("field", rule.field());
        json.put("match", rule.match());
        json.put("pattern", rule.pattern());
        json.put("tenant", rule.tenant());
        json.put("priority", rule.priority());
        json.put("createdAt", rule.createdAt());
        json.put("createdBy", rule.createdBy());
        return json;
    }
}
