package io.tokenledger.web.reports;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.excel.ChargebackWorkbooks;
import io.tokenledger.reporting.html.HtmlStatements;
import io.tokenledger.reporting.html.Stylesheet;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import io.tokenledger.web.security.ViewerScopes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Chargeback statements as downloads, for the API ({@code /api/v1/reports/…}) and the reports page
 * ({@code /reports/…}) alike: the request parameters become a {@link StatementRequest}; the workbook is written to
 * a temporary file first, so that a failure is a clean error response rather than half a file.
 */
@Component
class StatementDownloads {

    private final ChargebackWorkbooks workbooks;
    private final HtmlStatements html;
    private final BusinessCalendar calendar;
    private final ViewerScopes scopes;

    StatementDownloads(
            ChargebackWorkbooks workbooks, HtmlStatements html, BusinessCalendar calendar, ViewerScopes scopes) {
        this.workbooks = workbooks;
        this.html = html;
        this.calendar = calendar;
        this.scopes = scopes;
    }

    /**
     * The statement the signed-in person asked for: {@code period} (the current one when null) and at most one of
     * {@code tenant} and {@code costCenter}, limited to the tenants that person may see.
     *
     * @throws ResponseStatusException 400 for both a tenant and a cost center
     * @throws io.tokenledger.web.security.TenantForbiddenException for a tenant outside the person's scope
     */
    StatementRequest request(YearMonth period, String tenant, String costCenter) {
        if (tenant != null) {
            scopes.require(tenant.strip());
        }
        YearMonth month = period == null ? calendar.currentPeriod() : period;
        StatementScope scope;
        try {
            scope = StatementScope.of(tenant, costCenter);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return new StatementRequest(month, scope, scopes.visibleTenants());
    }

    /** Writes the workbook as an attachment with a file name that says period and scope. */
    void writeWorkbook(StatementRequest request, HttpServletResponse response) throws IOException {
        Path file = Files.createTempFile("tokenledger-chargeback-", ".xlsx");
        try {
            ChargebackStatement statement;
            try (OutputStream out = Files.newOutputStream(file)) {
                statement = workbooks.write(request, out);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            response.setContentType(ChargebackWorkbooks.MEDIA_TYPE);
            response.setContentLengthLong(Files.size(file));
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(ChargebackWorkbooks.fileName(statement))
                            .build()
                            .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The HTML statement as a standalone, printable page. */
    ResponseEntity<String> htmlStatement(StatementRequest request, Stylesheet stylesheet) {
        String page;
        try {
            page = html.render(request, stylesheet);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String fileName = "tokenledger-chargeback-" + request.period() + "-"
                + request.scope().slug() + ".html";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page);
    }
}
