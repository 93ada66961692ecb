package io.tokenledger.web.reports;

import io.tokenledger.reporting.schedule.NewReportSchedule;
import io.tokenledger.reporting.schedule.ReportDelivery;
import io.tokenledger.reporting.schedule.ReportRun;
import io.tokenledger.reporting.schedule.ReportSchedule;
import io.tokenledger.reporting.schedule.ReportSchedules;
import io.tokenledger.web.api.ApiProblem;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled chargeback email: {@code POST /api/v1/report-schedules} (admins), {@code GET} the schedules, a
 * schedule's run log at {@code GET …/{id}/runs} and a run now with {@code POST …/{id}/runs}. Reading schedules
 * (they name recipients) is for admins and finance.
 */
@RestController
@RequestMapping("/api/v1/report-schedules")
class ReportSchedulesController {

    private static final int MAX_RUNS = 500;

    private final ReportSchedules schedules;

    ReportSchedulesController(ReportSchedules schedules) {
        this.schedules = schedules;
    }

    /** The request body; every field a string as in API.md, recipients a list. */
    record ScheduleJson(
            String name,
            String cron,
            String zone,
            List<String> recipients,
            String scope,
            String format,
            String period) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody ScheduleJson body, Authentication user) {
        if (body == null) {
            throw ApiProblem.badRequest("The request body must be a schedule as JSON.");
        }
        ReportSchedule created = schedules.create(
                new NewReportSchedule(
                        body.name(),
                        body.cron(),
                        body.zone(),
                        body.recipients(),
                        body.scope(),
                        body.format(),
                        body.period()),
                user.getName());
        return ResponseEntity.created(URI.create("/api/v1/report-schedules/" + created.id()))
                .body(toJson(created));
    }

    @GetMapping
    Map<String, Object> all(Authentication user) {
        requireFinanceOrAdmin(user);
        return Map.of(
                "mailConfigured",
                schedules.mailConfigured(),
                "schedules",
                schedules.all().stream().map(ReportSchedulesController::toJson).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id, Authentication user) {
        requireFinanceOrAdmin(user);
        return toJson(schedules.find(id).orElseThrow(() -> noSuchSchedule(id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!schedules.delete(id)) {
            throw noSuchSchedule(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/runs")
    Map<String, Object> runs(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, Authentication user) {
        requireFinanceOrAdmin(user);
        if (limit < 1 || limit > MAX_RUNS) {
            throw ApiProblem.badRequest("limit must be between 1 and " + MAX_RUNS + ", was " + limit);
        }
        schedules.find(id).orElseThrow(() -> noSuchSchedule(id));
        return Map.of(
                "runs",
                schedules.runs(id, limit).stream()
                        .map(ReportSchedulesController::toJson)
                        .toList());
    }

    /** Runs the schedule now; its messages go out in the background, see the run log for the outcome. */
    @PostMapping("/{id}/runs")
    ResponseEntity<Map<String, Object>> runNow(@PathVariable long id) {
        ReportRun run = schedules.runNow(id).orElseThrow(() -> noSuchSchedule(id));
        return ResponseEntity.accepted().body(toJson(run));
    }

    private static void requireFinanceOrAdmin(Authentication user) {
        boolean allowed = user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_ADMIN")
                        || authority.getAuthority().equals("ROLE_FINANCE"));
        if (!allowed) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Report schedules are for admins and finance.");
        }
    }

    private static ApiProblem noSuchSchedule(long id) {
        return ApiProblem.notFound("There is no report schedule " + id + ".");
    }

    private static Map<String, Object> toJson(ReportSchedule schedule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", schedule.id());
        json.put("name", schedule.name());
        json.put("cron", schedule.cron());
        json.put("zone", schedule.zone().getId());
        json.put("recipients", schedule.recipients());
        json.put("scope", schedule.scope().text());
        json.put("format", schedule.format().text());
        json.put("period", schedule.period().text());
        json.put("createdBy", schedule.createdBy());
        json.put("createdAt", schedule.createdAt());
        json.put("nextRun", schedule.nextOccurrence(Instant.now()).orElse(null));
        return json;
    }

    private static Map<String, Object> toJson(ReportRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("scheduleId", run.scheduleId());
        json.put("schedule", run.scheduleName());
        json.put("occurrence", run.occurrence());
        json.put("trigger", run.trigger());
        json.put("period", run.period().toString());
        json.put("outcome", run.outcome());
        json.put("recipients", run.recipients());
        json.put("claimedBy", run.claimedBy());
        json.put("claimedAt", run.claimedAt());
        json.put(
                "deliveries",
                run.deliveries().stream().map(ReportSchedulesController::toJson).toList());
        return json;
    }

    private static Map<String, Object> toJson(ReportDelivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant", delivery.tenant());
        json.put("recipients", delivery.recipients());
        json.put("state", delivery.state());
        json.put("attempts", delivery.attempts());
        json.put("nextAttemptAt", delivery.state().equals("pending") ? delivery.nextAttemptAt() : null);
        json.put("lastError", delivery.lastError());
        json.put("sentAt", delivery.sentAt());
        return json;
    }
}
