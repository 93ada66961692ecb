package io.tokenledger.web.ledger;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerCursor;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerPage;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.ViewerScopes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ledger?from&to&groupBy&tenant[&limit&after]}: usage and cost per business day range; a row holds
 * only the keys asked for. Defaults: the current month to date, grouped by tenant, every row in one answer. With
 * {@code limit} the rows come in pages (keyset paging in day, tenant, deployment, model order): {@code next} names
 * the cursor to pass as {@code after} for the following page and is absent on the last one; {@code total} and
 * {@code unpricedRequests} stay those of the whole result.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    LedgerController(Ledgers ledgers, BusinessCalendar calendar, ViewerScopes scopes) {
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    @GetMapping
    Map<String, Object> ledger(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "tenant") String groupBy,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        LocalDate toDay = to == null ? calendar.today() : to;
        LocalDate fromDay = from == null ? toDay.withDayOfMonth(1) : from;
        List<LedgerDimension> dimensions = dimensions(groupBy);
        // a tenant outside the caller's scope is refused (403); without one, the rows are the caller's tenants
        TenantScope scope = scopes.narrowedTo(tenant);
        LedgerQuery query = new LedgerQuery(
                fromDay, toDay, dimensions, Optional.ofNullable(tenant).map(String::strip), scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", fromDay);
        body.put("to", toDay);
        body.put("timeZone", calendar.zone().getId());
        if (limit == null) {
            if (after != null) {
                throw ApiProblem.badRequest("after: pages need limit as well; pass the limit of the first request");
            }
            Ledger ledger = ledgers.query(query);
            body.put("currency", ledger.currency());
            body.put("rows", rows(ledger.rows(), dimensions));
            body.put("total", Amounts.exact(ledger.total()));
            body.put("unpricedRequests", ledger.unpricedRequests());
            return body;
        }
        Optional<LedgerCursor> cursor = Optional.ofNullable(after).map(token -> LedgerCursor.parse(token, dimensions));
        LedgerPage page = ledgers.page(query, cursor, limit(limit));
        body.put("currency", page.currency());
        body.put("rows", rows(page.rows(), dimensions));
        body.put("total", Amounts.exact(page.total()));
        body.put("unpricedRequests", page.unpricedRequests());
        page.next().ifPresent(next -> body.put("next", next.token()));
        return body;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > LedgerPage.MAX_LIMIT) {
            throw ApiProblem.badRequest(
                    "limit must be a whole number from 1 to " + LedgerPage.MAX_LIMIT + ", was '" + limit + "'");
        }
        return limit;
    }

    private static List<Map<String, Object>> rows(List<LedgerRow> rows, List<LedgerDimension> dimensions) {
        return rows.stream().map(row -> toJson(row, dimensions)).toList();
    }

    private static List<LedgerDimension> dimensions(String groupBy) {
        List<LedgerDimension> dimensions = new ArrayList<>();
        for (String name : groupBy.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            dimensions.add(LedgerDimension.fromParameter(name)
                    .orElseThrow(() -> ApiProblem.badRequest("groupBy: unknown dimension '" + name.trim()
                            + "'; use any of "
                            + Arrays.stream(LedgerDimension.values())
                                    .map(LedgerDimension::parameterName)
                                    .toList())));
        }
        return dimensions;
    }

    private static Map<String, Object> toJson(LedgerRow row, List<LedgerDimension> dimensions) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (LedgerDimension dimension : dimensions) {
            json.put(
                    dimension.parameterName(),
                    switch (dimension) {
                        case TENANT -> row.tenant();
                        case DEPLOYMENT -> row.deployment();
                        case MODEL -> row.model();
                        case DAY -> row.day();
                    });
        }
        json.put("requests", row.requests());
        json.put("promptTokens", row.promptTokens());
        json.put("cachedPromptTokens", row.cachedPromptTokens());
        json.put("completionTokens", row.completionTokens());
        json.put("reasoningTokens", row.reasoningTokens());
        json.put("cost", Amounts.exact(row.cost()));
        json.put("unpricedRequests", row.unpricedRequests());
        return json;
    }
}
