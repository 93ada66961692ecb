package io.tokenledger.web.pricing;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.imports.ImportDefaults;
import io.tokenledger.pricing.imports.ImportFormat;
import io.tokenledger.pricing.imports.ImportPreview;
import io.tokenledger.pricing.imports.RateCardImports;
import io.tokenledger.web.api.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rate cards from files: {@code POST /api/v1/rate-cards/import?format=csv|aihub[&effectiveFrom][&dryRun]} with
 * the file as the body, and {@code POST /api/v1/rate-cards/catalogue?effectiveFrom[&dryRun]} for the starter
 * catalogue. {@code dryRun} defaults to true: the answer is a preview and nothing is saved until the same request
 * is sent with {@code dryRun=false}; then every card is published, or none when any line is wrong (422).
 */
@RestController
@RequestMapping("/api/v1/rate-cards")
class RateCardImportsController {

    private final RateCardImports imports;
    private final RateCards rateCards;
    private final BusinessCalendar calendar;

    RateCardImportsController(RateCardImports imports, RateCards rateCards, BusinessCalendar calendar) {
        this.imports = imports;
        this.rateCards = rateCards;
        this.calendar = calendar;
    }

    @PostMapping("/import")
    ResponseEntity<Map<String, Object>> importFile(
            @RequestParam ImportFormat format,
            @RequestParam(required = false) LocalDate effectiveFrom,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestBody(required = false) byte[] body,
            Principal principal) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("The body is empty; send the file to import as the request body.");
        }
        return run(
                format,
                new String(body, StandardCharsets.UTF_8),
                new ImportDefaults(effectiveFrom, rateCards.reportingCurrency()),
                dryRun,
                principal);
    }

    @PostMapping("/catalogue")
    ResponseEntity<Map<String, Object>> loadCatalogue(
            @RequestParam(required = false) LocalDate effectiveFrom,
            @RequestParam(defaultValue = "true") boolean dryRun,
            Principal principal) {
        LocalDate from = effectiveFrom == null ? calendar.currentPeriod().atDay(1) : effectiveFrom;
        return run(
                ImportFormat.CSV,
                imports.catalogue(),
                new ImportDefaults(from, rateCards.reportingCurrency()),
                dryRun,
                principal);
    }

    private ResponseEntity<Map<String, Object>> run(
            ImportFormat format, String content, ImportDefaults defaults, boolean dryRun, Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (dryRun) {
            ImportPreview preview = imports.preview(format, content, defaults);
            body.put("dryRun", true);
            body.put(
                    "cards",
                    preview.cards().stream()
                            .map(RateCardImportsController::line)
                            .toList());
            body.put("errors", preview.errors());
            body.put("skipped", preview.skipped());
            return ResponseEntity.ok(body);
        }
        List<RateCard> published = imports.publish(format, content, defaults, principal.getName());
        body.put("dryRun", false);
        body.put("published", published.size());
        body.put("ids", published.stream().map(RateCard::id).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static Map<String, Object> line(ImportPreview.Line line) {
        NewRateCard card = line.card();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", line.line());
        if (card.matchKind() == MatchKind.DEPLOYMENT) {
            json.put("deployment", card.pattern());
        } else {
            json.put("model", card.pattern());
            json.put(
                    "match",
                    card.matchKind().name().substring("MODEL_".length()).toLowerCase(Locale.ROOT));
        }
        json.put("currency", card.currency());
        json.put("effectiveFrom", card.effectiveFrom());
        json.put("promptPer1M", RateCardPrices.text(card.prices().prompt()));
        json.put("cachedPromptPer1M", RateCardPrices.text(card.prices().cachedPrompt()));
        json.put("completionPer1M", RateCardPrices.text(card.prices().completion()));
        json.put("reasoningPer1M", RateCardPrices.text(card.prices().reasoning()));
        if (card.longContext() != null) {
            json.put("longContextAbove", card.longContext().promptTokensAbove());
        }
        json.put("notes", line.notes());
        return json;
    }
}
