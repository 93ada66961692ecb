package io.tokenledger.web.reports;

import io.tokenledger.reporting.html.Stylesheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/chargeback.xlsx} and {@code .html} with {@code period=YYYY-MM} and optionally
 * {@code tenant=K} or {@code costCenter=C}: the chargeback workbook (an attachment) and the same statement as a page.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

    private final StatementDownloads downloads;

    ReportsController(StatementDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/chargeback.xlsx")
    void workbook(
            @RequestParam(required = false) YearMonth period,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String costCenter,
            Authentication user,
            HttpServletResponse response)
            throws IOException {
        downloads.writeWorkbook(downloads.request(period, tenant, costCenter), response);
    }

    /**
     * Styles inline, which the API's content security policy allows (and nothing else): the page may be saved or
     * mailed on.
     */
    @GetMapping("/chargeback.html")
    ResponseEntity<String> html(
            @RequestParam(required = false) YearMonth period,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String costCenter,
            Authentication user) {
        return downloads.htmlStatement(downloads.request(period, tenant, costCenter), Stylesheet.inline());
    }

    /** The statement asked for, holding only the tenants the caller may see; another tenant's is refused (403). */
}
