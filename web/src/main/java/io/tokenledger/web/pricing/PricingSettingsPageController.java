package io.tokenledger.web.pricing;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.fx.FxRate;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.pricing.provisioned.AllocationRule;
import io.tokenledger.pricing.provisioned.Billing;
import io.tokenledger.pricing.provisioned.Commitment;
import io.tokenledger.pricing.provisioned.CommitmentAllocation;
import io.tokenledger.pricing.provisioned.IdleAssignee;
import io.tokenledger.pricing.provisioned.NewCommitment;
import io.tokenledger.reporting.chargeback.ChargebackKind;
import io.tokenledger.reporting.chargeback.ChargebackModel;
import io.tokenledger.reporting.chargeback.ChargebackModels;
import io.tokenledger.reporting.chargeback.NewChargebackModel;
import io.tokenledger.reporting.periods.BillingPeriods;
import io.tokenledger.reporting.provisioned.ProvisionedCapacity;
import io.tokenledger.reporting.statement.RateCardVersionsUsed;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.pages.FormErrors;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.ViewerScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pricing settings beyond rate cards: provisioned (PTU) commitments with this month's allocation, chargeback models
 * and FX rates per billing period; admins publish new versions with the forms (every version is immutable).
 */
@Controller
class PricingSettingsPageController {

    private static final String PAGE = "redirect:/pricing-settings";

    private final ProvisionedCapacity capacity;
    private final ChargebackModels models;
    private final FxRates fx;
    private final BillingPeriods periods;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;
    private final RateCardVersionsUsed versionsUsed;

    PricingSettingsPageController(
            ProvisionedCapacity capacity,
            ChargebackModels models,
            FxRates fx,
            BillingPeriods periods,
            BusinessCalendar calendar,
            ViewerScopes scopes,
            RateCardVersionsUsed versionsUsed) {
        this.versionsUsed = versionsUsed;
        this.capacity = capacity;
        this.models = models;
        this.fx = fx;
        this.periods = periods;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    record CommitmentRow(
            long id, String deployment, String from, String price, String rule, String idle, String who, String why) {}

    record AllocationRow(String deployment, String cost, List<LineRow> lines) {}

    record LineRow(String tenant, String share, String tokens, String amount) {}

    record ModelRow(long id, String subject, String from, String model, String who, String why) {}

    record RateRow(String period, String currency, String rate, String who, String source) {}

    @GetMapping("/pricing-settings")
    String page(Model model) {
        PageContext.add(model, calendar, fx.reportingCurrency());
        YearMonth current = calendar.currentPeriod();
        model.addAttribute("currentPeriod", current.toString());
        model.addAttribute(
                "commitments",
                capacity.commitments().stream().map(this::row).toList().reversed());
        model.addAttribute(
                "allocations",
                capacity.allocations(current, scopes.scope()).stream()
                        .map(PricingSettingsPageController::allocation)
                        .toList());
        model.addAttribute(
                "models",
                models.all().stream()
                        .map(version -> new ModelRow(
                                version.id(),
                                (version.scope() == ChargebackModel.Scope.TENANT ? "tenant " : "cost center ")
                                        + version.subject(),
                                version.effectiveFrom().toString(),
                                version.describe(),
                                who(version.createdBy(), version.createdAt()),
                                version.reason() == null ? "" : version.reason()))
                        .toList());
        model.addAttribute(
                "rates",
                fx.all().stream()
                        .map(rate -> new RateRow(
                                rate.period().toString(),
                                rate.currency(),
                                "1 " + rate.currency() + " = " + Amounts.exact(rate.rate()) + " "
                                        + rate.reportingCurrency(),
                                who(rate.enteredBy(), rate.enteredAt()),
                                rate.source() == null ? "" : rate.source()))
                        .toList());
        model.addAttribute(
                "missing",
                versionsUsed.inPeriod(current, scopes.scope()).stream()
                        .filter(use -> use.note().startsWith("not converted"))
                        .map(use -> use.deployment() + (use.model() == null ? "" : " · " + use.model()) + ", "
                                + use.from() + " to " + use.to() + " (rate card " + use.version() + "): "
                                + use.note())
                        .toList());
        return "pricing-settings";
    }

    /** The commitment form; {@link ProvisionedCapacity#publish} checks the version. */
    record CommitmentForm(
            String deployment,
            LocalDate effectiveFrom,
            Billing billing,
            BigDecimal amount,
            String currency,
            AllocationRule allocation,
            String ownerTenant,
            IdleAssignee idleTo,
            Long capacityTokensPerHour,
            String reason) {

        CommitmentForm {
            reason = reason == null ? null : reason.strip();
        }

        NewCommitment commitment() {
            return new NewCommitment(
                    deployment,
                    effectiveFrom,
                    billing,
                    amount,
                    currency,
                    allocation,
                    ownerTenant,
                    idleTo,
                    capacityTokensPerHour,
                    reason);
        }
    }

    /** The chargeback-model form; {@link ChargebackModels#publish} checks the version. */
    record ChargebackModelForm(
            ChargebackModel.Scope scope,
            String subject,
            YearMonth effectiveFrom,
            ChargebackKind kind,
            BigDecimal percent,
            String reason) {

        ChargebackModelForm {
            reason = reason == null ? null : reason.strip();
        }

        NewChargebackModel model() {
            return new NewChargebackModel(scope, subject, effectiveFrom, kind, percent, reason);
        }
    }

    /** The FX rate form; {@link FxRates#set} checks the currency and the rate. */
    record FxRateForm(
            @NotNull(message = "period is required") YearMonth period,
            String currency,
            BigDecimal rate,
            String source) {

        FxRateForm {
            source = source == null ? null : source.strip();
        }
    }

    @PostMapping("/pricing-settings/provisioned")
    String commitment(CommitmentForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return PAGE;
        }
        try {
            Commitment published = capacity.publish(form.commitment(), principal.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Published commitment version " + published.id() + " for " + published.deployment() + " from "
                            + published.effectiveFrom() + ".");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/pricing-settings/chargeback-models")
    String chargebackModel(
            ChargebackModelForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return PAGE;
        }
        try {
            ChargebackModel published = models.publish(form.model(), principal.getName());
            redirect.addFlashAttribute(
                    "notice",
                    "Published chargeback model " + published.describe() + " for " + published.subject() + " from "
                            + published.effectiveFrom() + ".");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/pricing-settings/fx-rates")
    String fxRate(@Valid FxRateForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return PAGE;
        }
        if (periods.isClosed(form.period())) {
            redirect.addFlashAttribute(
                    "error", "Billing period " + form.period() + " is closed; its FX rates are final.");
            return PAGE;
        }
        try {
            FxRate saved = fx.set(form.period(), form.currency(), form.rate(), principal.getName(), form.source());
            redirect.addFlashAttribute(
                    "notice",
                    "1 " + saved.currency() + " = " + Amounts.exact(saved.rate()) + " " + saved.reportingCurrency()
                            + " for " + saved.period() + "; its usage in " + saved.currency() + " was converted.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    private CommitmentRow row(Commitment commitment) {
        String price = commitment.billing() == Billing.ENDED
                ? "ended"
                : Amounts.exact(commitment.amount()) + " " + commitment.currency() + " per "
                        + (commitment.billing() == Billing.HOURLY ? "hour" : "month");
        String rule = commitment.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (commitment.ownerTenant() == null ? "" : " · owner " + commitment.ownerTenant());
        String idle = (commitment.idleTo() == IdleAssignee.OWNER ? "to owner" : "to " + capacity.sharedPoolTenant())
                + (commitment.capacityTokensPerHour() == null
                        ? ""
                        : " · basis " + commitment.capacityTokensPerHour() + " tokens/h");
        return new CommitmentRow(
                commitment.id(),
                commitment.deployment(),
                commitment.effectiveFrom().toString(),
                price,
                rule,
                idle,
                who(commitment.createdBy(), commitment.createdAt()),
                commitment.reason() == null ? "" : commitment.reason());
    }

    private static AllocationRow allocation(CommitmentAllocation allocation) {
        return new AllocationRow(
                allocation.deployment(),
                allocation.cost().toPlainString() + " " + allocation.currency(),
                allocation.lines().stream()
                        .map(line -> new LineRow(
                                line.tenant(),
                                line.share().label(),
                                MoneyFormat.count(line.tokens()),
                                line.amount().toPlainString() + " " + allocation.currency()))
                        .toList());
    }

    private static String who(String user, java.time.Instant at) {
        return user + ", " + at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}
