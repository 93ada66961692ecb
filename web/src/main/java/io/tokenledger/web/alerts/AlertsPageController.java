package io.tokenledger.web.alerts;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.alerts.AlertChannel;
import io.tokenledger.reporting.alerts.AlertChannels;
import io.tokenledger.reporting.alerts.Alerts;
import io.tokenledger.reporting.alerts.DeliveryEntry;
import io.tokenledger.reporting.alerts.NewAlertChannel;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.BudgetStatus;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.pages.FormErrors;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.pages.PageContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Budgets and alerts: every budget against this period's spend and forecast, cost-center budgets, the alert
 * channels (add, remove, send a test message), the fired alerts and the delivery log.
 */
@Controller
class AlertsPageController {

    private static final int SHOWN = 50;

    private final Budgets budgets;
    private final AlertChannels channels;
    private final Alerts alerts;
    private final Tenants tenants;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    AlertsPageController(
            Budgets budgets,
            AlertChannels channels,
            Alerts alerts,
            Tenants tenants,
            BusinessCalendar calendar,
            RateCards rateCards) {
        this.budgets = budgets;
        this.channels = channels;
        this.alerts = alerts;
        this.tenants = tenants;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    /** A budget as the table shows it. */
    record BudgetRow(
            String scope,
            String subject,
            String tenantKey,
            MoneyFormat.Cell monthly,
            String steps,
            MoneyFormat.Cell spend,
            String burn,
            long burnPercent,
            boolean over,
            MoneyFormat.Cell forecast,
            String forecastBurn,
            MoneyFormat.Cell daily,
            MoneyFormat.Cell spendToday) {}

    /** A channel as the table shows it. */
    record ChannelRow(long id, String type, String name, String receives, String url, String created) {}

    /** A fired alert as the table shows it. */
    record AlertRow(
            long id,
            String firedAt,
            String subject,
            String headline,
            String window,
            MoneyFormat.Cell spend,
            String percent,
            String delivery) {}

    /** A delivery as the log shows it. */
    record DeliveryRow(
            long id, String what, String channel, String state, int attempts, String lastAnswer, String when) {}

    @GetMapping("/alerts")
    String page(Model model) {
        String currency = rateCards.reportingCurrency();
        Map<String, String> names = tenants.all().stream().collect(Collectors.toMap(Tenant::key, Tenant::displayName));
        PageContext.add(model, calendar, currency);
        model.addAttribute(
                "budgets",
                budgets.statuses().stream()
                        .map(status -> budgetRow(status, currency, names))
                        .toList());
        model.addAttribute(
                "channels",
                channels.all().stream().map(AlertsPageController::channelRow).toList());
        model.addAttribute(
                "alerts",
                alerts.recent(SHOWN, TenantScope.allTenants()).stream()
                        .map(fired -> new AlertRow(
                                fired.alert().id(),
                                time(fired.alert().firedAt()),
                                fired.subjectName(),
                                fired.headline(),
                                fired.alert().windowStart().toString(),
                                MoneyFormat.cell(fired.alert().spend(), currency),
                                fired.percentOfBudget() + "%",
                                DeliverySummary.of(fired.deliveries())))
                        .toList());
        model.addAttribute(
                "deliveries",
                alerts.deliveryLog(SHOWN).stream()
                        .map(AlertsPageController::deliveryRow)
                        .toList());
        model.addAttribute("tenantKeys", names.keySet().stream().sorted().toList());
        model.addAttribute("costCenters", tenants.costCenters());
        return "alerts";
    }

    /** The channel form; {@code tenant} or {@code costCenter} narrows what it receives ({@link AlertChannels} checks). */
    record ChannelForm(
            @NotBlank(message = "type is required") String type,
            @NotBlank(message = "url is required") String url,
            String name,
            String tenant,
            String costCenter) {

        NewAlertChannel channel() {
            return new NewAlertChannel(type, url, name, tenant, costCenter);
        }
    }

    @PostMapping("/alerts/channels")
    String addChannel(@Valid ChannelForm form, BindingResult errors, Principal principal, RedirectAttributes redirect) {
        if (FormErrors.flashed(errors, redirect)) {
            return "redirect:/alerts#channels";
        }
        try {
            AlertChannels.Created created = channels.create(form.channel(), principal.getName());
            redirect.addFlashAttribute(
                    "notice", "Added channel " + created.channel().displayName() + ".");
            if (created.secret() != null) {
                redirect.addFlashAttribute("secret", created.secret());
            }
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/alerts#channels";
    }

    @PostMapping("/alerts/channels/{id}/test")
    String sendTest(@PathVariable long id, RedirectAttributes redirect) {
        try {
            AlertChannels.TestResult result = channels.sendTest(id);
            if (result.delivered()) {
                redirect.addFlashAttribute("notice", "Test message delivered (HTTP " + result.status() + ").");
            } else {
                redirect.addFlashAttribute("error", "Test message not delivered: " + result.error());
            }
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/alerts#channels";
    }

    @PostMapping("/alerts/channels/{id}/delete")
    String removeChannel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            channels.remove(id);
            redirect.addFlashAttribute("notice", "Channel removed; its delivery log stays.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/alerts#channels";
    }

    private BudgetRow budgetRow(BudgetStatus status, String currency, Map<String, String> names) {
        boolean tenant = status.budget().scope() == BudgetScope.TENANT;
        String subject = status.budget().subject();
        BigDecimal burn = status.percentOfMonthly();
        return new BudgetRow(
                tenant ? "Tenant" : "Cost center",
                tenant ? names.getOrDefault(subject, subject) : subject,
                tenant ? subject : null,
                status.budget().monthly() == null
                        ? null
                        : MoneyFormat.cell(status.budget().monthly(), currency),
                status.budget().steps().stream().map(step -> step + "%").collect(Collectors.joining(", ")),
                MoneyFormat.cell(status.spend(), currency),
                burn == null ? "" : burn + "%",
                burn == null ? 0 : Math.min(100, burn.longValue()),
                burn != null && burn.compareTo(BigDecimal.valueOf(100)) >= 0,
                MoneyFormat.cell(status.forecast(), currency),
                status.forecastPercentOfMonthly() == null ? "" : status.forecastPercentOfMonthly() + "%",
                status.budget().daily() == null
                        ? null
                        : MoneyFormat.cell(status.budget().daily(), currency),
                MoneyFormat.cell(status.spendToday(), currency));
    }

    private static ChannelRow channelRow(AlertChannel channel) {
        String receives = switch (channel.scope()) {
            case GLOBAL -> "every tenant";
            case TENANT -> "tenant " + channel.subject();
            case COST_CENTER -> "cost center " + channel.subject();
        };
        return new ChannelRow(
                channel.id(),
                channel.type(),
                channel.name() == null ? "" : channel.name(),
                receives,
                channel.maskedUrl(),
                time(channel.createdAt()) + " by " + channel.createdBy());
    }

    private static DeliveryRow deliveryRow(DeliveryEntry delivery) {
        String answer = delivery.lastStatus() != null
                ? "HTTP " + delivery.lastStatus()
                : delivery.lastError() == null ? "" : delivery.lastError();
        String when = switch (delivery.state()) {
            case DELIVERED -> "delivered " + time(delivery.deliveredAt());
            case PENDING ->
                delivery.attempts() == 0
                        ? "queued " + time(delivery.createdAt())
                        : "next attempt " + time(delivery.nextAttemptAt());
            case FAILED -> "gave up";
        };
        return new DeliveryRow(
                delivery.deliveryId(),
                delivery.test() ? "test message" : "alert " + delivery.alertId(),
                delivery.channel() + (delivery.channelRemoved() ? " (removed)" : ""),
                delivery.state().name().toLowerCase(Locale.ROOT),
                delivery.attempts(),
                answer,
                when);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}
