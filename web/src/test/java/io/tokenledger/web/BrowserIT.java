package io.tokenledger.web;

import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static io.tokenledger.web.testing.ScopedData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.HeadlessChromium;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser (headless Chromium): sign in, the overview's total against the ledger API, a
 * tenant's page and its Excel statement, a rate-card change through the form, and what a tenant viewer sees.
 */
@TokenLedgerServerTest
class BrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path downloads;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Api admin;
    private ScopedData.People people;

    @BeforeEach
    void browserAndTwoTenants() {
        HeadlessChromium.assumeInstalled();
        admin = Api.asAdmin(port);
        people = ScopedData.seed(admin);
        browser = HeadlessChromium.start(downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void overviewTotalEqualsTheLedgerApiAndItsChartsAreDrawn() {
        signIn("admin", TokenLedgerServerTest.ADMIN_PASSWORD);

        String total = browser.findElement(By.id("mtd-total")).getAttribute("data-exact");
        String apiTotal = admin.ledger("groupBy=tenant").json().path("total").asString();
        assertThat(new BigDecimal(total)).isEqualByComparingTo(new BigDecimal(apiTotal));
        assertThat(browser.findElement(By.id("mtd-total")).getText()).startsWith("$");
        wait.until(ExpectedConditions.attributeToBe(By.id("daily-chart"), "data-drawn", "true"));
        wait.until(ExpectedConditions.attributeToBe(By.id("budget-chart"), "data-drawn", "true"));
        assertThat(browser.findElement(By.cssSelector("header .context")).getText())
                .contains("time zone UTC")
                .contains("currency USD");
    }

    @Test
    void tableSortsByAColumnOnAClick() {
        signIn("admin", TokenLedgerServerTest.ADMIN_PASSWORD);
        WebElement tenantHeader = browser.findElement(By.cssSelector("#tenants thead th:first-child"));

        tenantHeader.click();
        assertThat(tenantKeys()).containsExactly(OWN, OTHER);
        tenantHeader.click();
        assertThat(tenantKeys()).containsExactly(OTHER, OWN);
    }

    @Test
    void tenantPageDownloadsTheExcelStatement() throws IOException {
        signIn("admin", TokenLedgerServerTest.ADMIN_PASSWORD);

        browser.findElement(By.cssSelector("#tenants a[href$='/tenants/" + OWN + "']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-spend")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(OWN);
        wait.until(ExpectedConditions.attributeToBe(By.id("tenant-daily-chart"), "data-drawn", "true"));
        browser.findElement(By.id("statement-xlsx")).click();

        Path workbook = awaitDownload(".xlsx");
        try (InputStream in = Files.newInputStream(workbook);
                Workbook excel = new XSSFWorkbook(in)) {
            assertThat(excel.getNumberOfSheets()).isPositive();
            String text = allText(excel);
            assertThat(text).contains(OWN).doesNotContain(OTHER);
        }
    }

    @Test
    void adminPublishesANewRateCardVersionThroughTheForm() {
        signIn("admin", TokenLedgerServerTest.ADMIN_PASSWORD);
        browser.get(url("/rate-cards"));
        WebElement form = browser.findElement(By.id("publish-rate-card"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        form.findElement(By.name("pattern")).sendKeys("gpt-4o");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("effectiveFrom")), today);
        form.findElement(By.name("promptPer1M")).sendKeys("3.00");
        form.findElement(By.name("cachedPromptPer1M")).sendKeys("1.50");
        form.findElement(By.name("completionPer1M")).sendKeys("12.00");
        form.findElement(By.name("reason")).sendKeys("browser test price change");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/rate-cards"));

        String cards = admin.get("/api/v1/rate-cards").body();
        assertThat(cards)
                .contains("\"effectiveFrom\":\"" + today + "\"")
                .contains("\"completionPer1M\":\"12\"")
                .contains("browser test price change");
    }

    @Test
    void tenantViewerSeesOnlyTheirTenantAndIsRefusedAnothersPage() {
        signIn(people.viewer(), PASSWORD);

        assertThat(tenantKeys()).containsExactly(OWN);
        assertThat(browser.getPageSource()).doesNotContain(OTHER);
        browser.get(url("/tenants"));
        assertThat(browser.findElements(By.cssSelector("#tenants tbody tr")))
                .extracting(row -> row.getAttribute("data-tenant"))
                .containsExactly(OWN);
        assertThat(browser.findElements(By.id("tenant-form"))).isEmpty();

        browser.get(url("/tenants/" + OTHER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.getPageSource()).doesNotContain(OTHER + " Corp");
    }

    private void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mtd-total")));
    }

    private java.util.List<String> tenantKeys() {
        return browser.findElements(By.cssSelector("#tenants tbody tr")).stream()
                .map(row -> row.getAttribute("data-tenant"))
                .toList();
    }

    private Path awaitDownload(String suffix) {
        return new WebDriverWait((WebDriver) browser, Duration.ofSeconds(20)).until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static String allText(Workbook workbook) {
        StringBuilder text = new StringBuilder();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    text.append(cell.toString()).append('\t');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
