package io.tokenledger.web.pricing;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.LongContextTier;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.imports.ImportDefaults;
import io.tokenledger.pricing.imports.ImportFormat;
import io.tokenledger.pricing.imports.ImportPreview;
import io.tokenledger.pricing.imports.RateCardImports;
import io.tokenledger.reporting.statement.RateCardVersionsUsed;
import io.tokenledger.web.pages.FormErrors;
import io.tokenledger.web.security.ViewerScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rate-card page: every pattern's price history as a timeline, a form to publish a version, and imports
 * (file or the starter catalogue) with a preview before anything is saved.
 */
@Controller
class RateCardsPageController {

    private final RateCards rateCards;
    private final RateCardImports imports;
    private final BusinessCalendar calendar;
    private final RateCardVersionsUsed versionsUsed;
    private final ViewerScopes scopes;

    RateCardsPageController(
            RateCards rateCards,
            RateCardImports imports,
            BusinessCalendar calendar,
            RateCardVersionsUsed versionsUsed,
            ViewerScopes scopes) {
        this.rateCards = rateCards;
        this.imports = imports;
        this.calendar = calendar;
        this.versionsUsed = versionsUsed;
        this.scopes = scopes;
    }

    /** "Priced with": a deployment's (and model's) usage of the current period and the version that priced it. */
    record PricedWith(String deployment, String model, String days, String version, String note) {}

    /** One version as the timeline shows it, with the day its successor takes over. */
    record Version(RateCard card, String until, String prices, String longContext) {}

    /** A pattern's history, newest version first. */
    record Timeline(String label, List<Version> versions) {}

    @GetMapping("/rate-cards")
    String page(Model model) {
        Map<String, List<RateCard>> byPattern = new LinkedHashMap<>();
        rateCards.all().stream()
                .sorted(Comparator.comparing((RateCard card) -> card.matchKind())
                        .thenComparing(RateCard::pattern)
                        .thenComparing(RateCard::effectiveFrom))
                .forEach(card -> byPattern
                        .computeIfAbsent(label(card.matchKind(), card.pattern()), key -> new ArrayList<>())
                        .add(card));
        List<Timeline> timelines = byPattern.entrySet().stream()
                .map(entry -> new Timeline(entry.getKey(), versions(entry.getValue(), rateCards.reportingCurrency())))
                .toList();
        model.addAttribute("timelines", timelines);
        model.addAttribute(
                "pricedWith",
                versionsUsed.inPeriod(calendar.currentPeriod(), scopes.scope()).stream()
                        .map(use -> new PricedWith(
                                use.deployment(),
                                use.model() == null ? "(not reported)" : use.model(),
                                use.from() + " to " + use.to(),
                                use.card()
                                        .map(card -> "#" + card.id() + " (" + label(card.matchKind(), card.pattern())
                                                + ", from " + card.effectiveFrom() + ")")
                                        .orElse("none: unpriced"),
                                use.note()))
                        .toList());
        model.addAttribute("currency", rateCards.reportingCurrency());
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("period", calendar.currentPeriod().atDay(1));
        model.addAttribute("today", calendar.today());
        return "rate-cards";
    }

    /** The publish form: prices per 1M tokens as typed; reasoning at the completion price unless given. */
    record RateCardForm(
            @NotNull(message = "kind is required") MatchKind kind,
            @NotBlank(message = "pattern is required") String pattern,
            LocalDate effectiveFrom,
            @NotNull(message = "promptPer1M is required") BigDecimal promptPer1M,

            @NotNull(message = "cachedPromptPer1M is required")
            BigDecimal cachedPromptPer1M,

            @NotNull(message = "completionPer1M is required")
            BigDecimal completionPer1M,

            BigDecimal reasoningPer1M,
            String reason,
            String currency) {

        /** The card to publish, in {@code reportingCurrency} unless the form names another. */
        NewRateCard card(String reportingCurrency) {
            return new NewRateCard(
                    kind,
                    pattern.strip(),
                    currency == null ? reportingCurrency : currency.strip().toUpperCase(Locale.ROOT),
                    effectiveFrom,
                    new Prices(
                            promptPer1M,
                            cachedPromptPer1M,
                            completionPer1M,
                            reasoningPer1M == null ? completionPer1M : reasoningPer1M),
                    null,
                    reason == null ? null : reason.strip());
        }
    }

    /**
     * The import form: a file, or the {@code content} of a previewed one sent back with {@code confirm}; the format
     * {@code catalogue} imports the starter catalogue instead.
     */
    record ImportForm(
            @NotBlank(message = "format is required") String format,
            LocalDate effectiveFrom,
            MultipartFile file,
            String content,
            Boolean confirm) {

        boolean catalogue() {
            return "catalogue".equals(format);
        }

        /** True when a previewed import is sent back to be published. */
        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    @PostMapping("/rate-cards")
    String publish(@Valid RateCardForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return "redirect:/rate-cards";
        }
        try {
            RateCard published = rateCards.publish(form.card(rateCards.reportingCurrency()), principal.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Published version " + published.id() + " for " + label(published.matchKind(), published.pattern())
                            + " from " + published.effectiveFrom()
                            + "; stored usage of its interval was re-priced.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rate-cards";
    }

    @PostMapping("/rate-cards/import")
    String importFile(
            @Valid ImportForm form, BindingResult errors, Principal principal, Model model, RedirectAttributes redirect)
            throws IOException {
        if (FormErrors.flashed(errors, redirect)) {
            return "redirect:/rate-cards";
        }
        MultipartFile file = form.file();
        String text = form.catalogue()
                ? imports.catalogue()
                : file != null && !file.isEmpty()
                        ? new String(file.getBytes(), StandardCharsets.UTF_8)
                        : form.content();
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "Choose a file to import.");
            return "redirect:/rate-cards";
        }
        ImportFormat importFormat = form.catalogue()
                ? ImportFormat.CSV
                : ImportFormat.fromParameter(form.format()).orElseThrow();
        LocalDate from = form.effectiveFrom() == null && form.catalogue()
                ? calendar.currentPeriod().atDay(1)
                : form.effectiveFrom();
        ImportDefaults defaults = new ImportDefaults(from, rateCards.reportingCurrency());
        if (form.confirmed()) {
            try {
                int published = imports.publish(importFormat, text, defaults, principal.getName())
                        .size();
                redirect.addFlashAttribute("notice", "Imported " + published + " rate-card versions.");
            } catch (RejectedException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
            return "redirect:/rate-cards";
        }
        ImportPreview preview = imports.preview(importFormat, text, defaults);
        model.addAttribute("preview", preview);
        model.addAttribute(
                "previewLabels",
                preview.cards().stream()
                        .map(line -> label(line.card().matchKind(), line.card().pattern()))
                        .toList());
        model.addAttribute("format", form.format());
        model.addAttribute("effectiveFrom", from == null ? "" : from.toString());
        model.addAttribute("content", text);
        return page(model);
    }

    private static List<Version> versions(List<RateCard> ascending, String reportingCurrency) {
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < ascending.size(); i++) {
            RateCard card = ascending.get(i);
            String until = i + 1 < ascending.size()
                    ? "until " + ascending.get(i + 1).effectiveFrom().minusDays(1)
                    : "in force";
            String currency = card.currency().equals(reportingCurrency) ? "" : card.currency() + " · ";
            versions.add(new Version(card, until, currency + prices(card.prices()), longContext(card.longContext())));
        }
        return versions.reversed();
    }

    private static String prices(Prices prices) {
        return "prompt " + plain(prices.prompt()) + " · cached " + plain(prices.cachedPrompt()) + " · completion "
                + plain(prices.completion()) + " · reasoning " + plain(prices.reasoning());
    }

    private static String longContext(LongContextTier tier) {
        return tier == null ? "" : "above " + tier.promptTokensAbove() + " prompt tokens: " + prices(tier.prices());
    }

    private static String plain(BigDecimal price) {
        return io.tokenledger.web.Amounts.exact(price);
    }

    static String label(MatchKind kind, String pattern) {
        return switch (kind) {
            case DEPLOYMENT -> "deployment " + pattern;
            case MODEL_EXACT -> "model " + pattern;
            case MODEL_PREFIX -> "models " + pattern + "*";
            case MODEL_REGEX -> "models /" + pattern + "/";
        };
    }
}
