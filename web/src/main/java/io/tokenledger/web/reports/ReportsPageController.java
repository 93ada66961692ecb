package io.tokenledger.web.reports;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.html.HtmlStatements;
import io.tokenledger.reporting.html.Stylesheet;
import io.tokenledger.reporting.schedule.ReportSchedules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reports page: a period picker with the workbook and HTML statement of every scope, the scheduled emails
 * (created and run by admins) and their run log. Downloads are served here too, for the signed-in browser.
 */
@Controller
class ReportsPageController {

    private static final int RUNS_SHOWN = 50;

    private final StatementDownloads downloads;
    private final ReportSchedules schedules;
    private final Tenants tenants;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    ReportsPageController(
            StatementDownloads downloads,
            ReportSchedules schedules,
            Tenants tenants,
            BusinessCalendar calendar,
            RateCards rateCards) {
        this.downloads = downloads;
        this.schedules = schedules;
        this.tenants = tenants;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    @GetMapping("/reports")
    String page(
            @RequestParam(required = false) String period,
            Model model,
            Authentication user,
            HttpServletRequest request) {
        YearMonth current = calendar.currentPeriod();
        YearMonth selected = selectedPeriod(period, current);
        List<Tenant> known = tenants.all();
        List<String> costCenters = known.stream()
                .map(Tenant::costCenter)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
        String base = request.getContextPath() + "/reports/chargeback";
        model.addAttribute("period", selected.atDay(1));
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("currency", rateCards.reportingCurrency());
        model.addAttribute("selectedPeriod", selected.toString());
        model.addAttribute("periods", ReportsPage.periods(current, selected));
        model.addAttribute("downloads", ReportsPage.downloads(base, selected, costCenters));
        model.addAttribute("tenantOptions", ReportsPage.tenantOptions(known));
        model.addAttribute("admin", ReportsPage.isAdmin(user));
        model.addAttribute("mailConfigured", schedules.mailConfigured());
        model.addAttribute("mailReason", ReportSchedules.mailNotConfiguredReason());
        model.addAttribute("schedules", ReportsPage.schedules(schedules.all()));
        model.addAttribute("runs", ReportsPage.runs(schedules.recentRuns(RUNS_SHOWN), calendar.zone()));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", ReportsPage.ScheduleForm.blank(calendar.zone().getId()));
        }
        return "reports";
    }

    @GetMapping("/reports/chargeback.xlsx")
    void workbook(
            @RequestParam(required = false) YearMonth period,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String costCenter,
            Authentication user,
            HttpServletResponse response)
            throws IOException {
        downloads.writeWorkbook(downloads.request(period, tenant, costCenter), response);
    }

    /** The page's content security policy forbids inline styles, so the statement links its stylesheet. */
    @GetMapping("/reports/chargeback.html")
    ResponseEntity<String> html(
            @RequestParam(required = false) YearMonth period,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String costCenter,
            Authentication user,
            HttpServletRequest request) {
        return downloads.htmlStatement(
                downloads.request(period, tenant, costCenter),
                Stylesheet.linked(request.getContextPath() + "/reports/statement.css"));
    }

    /** The statement asked for, holding only the tenants the viewer may see; another tenant's is refused (403). */
    @GetMapping("/reports/statement.css")
    ResponseEntity<String> statementCss() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(HtmlStatements.css());
    }

    @PostMapping("/reports/schedules")
    String create(ReportsPage.ScheduleForm form, Authentication user, RedirectAttributes redirect) {
        requireAdmin(user);
        try {
            var created = schedules.create(form.schedule(), user.getName());
            redirect.addFlashAttribute("message", "Schedule \"" + created.name() + "\" created.");
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/reports#schedules";
    }

    @PostMapping("/reports/schedules/{id}/run")
    String runNow(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        requireAdmin(user);
        var run = schedules
                .runNow(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report schedule " + id));
        redirect.addFlashAttribute(
                "message", "Run " + run.id() + " of \"" + run.scheduleName() + "\" started; see the run log.");
        return "redirect:/reports#runs";
    }

    @PostMapping("/reports/schedules/{id}/delete")
    String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        requireAdmin(user);
        if (!schedules.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report schedule " + id);
        }
        redirect.addFlashAttribute("message", "Schedule deleted.");
        return "redirect:/reports#schedules";
    }

    /** The period picked, the previous one when none or one the page cannot read; never one after the current. */
    private static YearMonth selectedPeriod(String period, YearMonth current) {
        if (period == null) {
            return current.minusMonths(1);
        }
        try {
            YearMonth parsed = YearMonth.parse(period.strip());
            return parsed.isAfter(current) ? current : parsed;
        } catch (DateTimeParseException e) {
            return current.minusMonths(1);
        }
    }

    private static void requireAdmin(Authentication user) {
        if (!ReportsPage.isAdmin(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only admins manage report schedules.");
        }
    }
}
