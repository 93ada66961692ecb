package io.tokenledger.web.overview;

import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.web.pages.LedgerRollup;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.security.Viewer;
import io.tokenledger.web.security.ViewerScopes;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in, for the tenants the viewer may see: month-to-date cost, forecast against budgets,
 * spend per day stacked by tenant, the top tenants, deployments and models, and what needs action (unpriced and
 * unassigned usage, dead letters, a quiet source). Two reads of the daily rollups (by day and tenant, by deployment
 * and model) feed every figure, from the same ledger query as {@code GET /api/v1/ledger}, so the numbers agree.
 */
@Controller
class OverviewController {

    private static final int TOP = 10;

    private final Ledgers ledgers;
    private final BusinessCalendar calendar;
    private final DeadLetters deadLetters;
    private final BudgetOverview budgetOverview;
    private final ViewerScopes scopes;
    private final QuietSources quietSources;
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    OverviewController(
            Ledgers ledgers,
            BusinessCalendar calendar,
            DeadLetters deadLetters,
            BudgetOverview budgetOverview,
            ViewerScopes scopes,
            QuietSources quietSources) {
        this.ledgers = ledgers;
        this.calendar = calendar;
        this.deadLetters = deadLetters;
        this.budgetOverview = budgetOverview;
        this.scopes = scopes;
        this.quietSources = quietSources;
    }

    /** A ledger line as the page shows it. */
    record Line(
            String tenant,
            LocalDate day,
            String requests,
            String promptTokens,
            String cachedPromptTokens,
            String completionTokens,
            String reasoningTokens,
            String unpricedRequests,
            MoneyFormat.Cell cost,
            long barPercent) {

        static Line of(LedgerRow row, String currency, BigDecimal largest) {
            return new Line(
                    row.tenant(),
                    row.day(),
                    MoneyFormat.count(row.requests()),
                    MoneyFormat.count(row.promptTokens()),
                    MoneyFormat.count(row.cachedPromptTokens()),
                    MoneyFormat.count(row.completionTokens()),
                    MoneyFormat.count(row.reasoningTokens()),
                    MoneyFormat.count(row.unpricedRequests()),
                    MoneyFormat.cell(row.cost(), currency),
                    MoneyFormat.percentOf(row.cost(), largest));
        }
    }

    @GetMapping("/")
    String overview(Model model) {
        LocalDate today = calendar.today();
        Viewer viewer = scopes.current();
        TenantScope scope = viewer.scope();
        Ledger byDayAndTenant =
                ledgers.query(Ledgers.monthToDate(today, List.of(LedgerDimension.DAY, LedgerDimension.TENANT), scope));
        Ledger byDeploymentAndModel = ledgers.query(
                Ledgers.monthToDate(today, List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL), scope));
        Ledger byTenant = LedgerRollup.keep(byDayAndTenant, LedgerDimension.TENANT);
        Ledger byDay = LedgerRollup.keep(byDayAndTenant, LedgerDimension.DAY);
        String currency = byTenant.currency();
        BigDecimal largestDay = byDay.rows().stream()
                .map(LedgerRow::cost)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        BudgetOverview.View budgets = budgetOverview.of(byTenant, today, viewer);
        model.addAttribute("period", today.withDayOfMonth(1));
        model.addAttribute("today", today);
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", currency);
        model.addAttribute("total", MoneyFormat.cell(byTenant.total(), currency));
        model.addAttribute("unpricedRequests", byTenant.unpricedRequests());
        model.addAttribute("unpricedRequestsText", MoneyFormat.count(byTenant.unpricedRequests()));
        model.addAttribute(
                "requests",
                MoneyFormat.count(
                        byTenant.rows().stream().mapToLong(LedgerRow::requests).sum()));
        model.addAttribute(
                "tenants",
                byTenant.rows().stream()
                        .sorted(Comparator.comparing(LedgerRow::cost).reversed())
                        .map(row -> Line.of(row, currency, BigDecimal.ZERO))
                        .toList());
        model.addAttribute(
                "days",
                byDay.rows().stream()
                        .map(row -> Line.of(row, currency, largestDay))
                        .toList());
        model.addAttribute(
                "topDeployments",
                LedgerRollup.top(
                        LedgerRollup.keep(byDeploymentAndModel, LedgerDimension.DEPLOYMENT),
                        LedgerRow::deployment,
                        TOP));
        model.addAttribute(
                "topModels",
                LedgerRollup.top(
                        LedgerRollup.keep(byDeploymentAndModel, LedgerDimension.MODEL), LedgerRow::model, TOP));
        model.addAttribute("budgets", budgets);
        model.addAttribute(
                "budgetTotal",
                budgets.tenantBudgets().signum() > 0 ? MoneyFormat.cell(budgets.tenantBudgets(), currency) : null);
        model.addAttribute("dailyChart", OverviewCharts.dailyByTenant(byDayAndTenant, today, currency));
        model.addAttribute(
                "budgetChart", OverviewCharts.monthAgainstBudget(byDay, today, budgets.tenantBudgets(), currency));
        // dead letters and sources are anybody's input: only for those who see every tenant
        model.addAttribute("seesAllTenants", viewer.seesAllTenants());
        model.addAttribute(
                "deadLettersLastDay",
                viewer.seesAllTenants()
                        ? deadLetters.countWaitingSince(Instant.now().minus(Duration.ofDays(1)))
                        : 0);
        model.addAttribute("quietSources", viewer.seesAllTenants() ? quietSources.now() : List.of());
        return "overview";
    }

    private static Ledger joined(CompletableFuture<Ledger> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stopReads() {
        reads.close();
    }
}
