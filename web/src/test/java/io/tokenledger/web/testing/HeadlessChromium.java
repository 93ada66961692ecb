package io.tokenledger.web.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver ({@code apt-get install chromium chromium-driver}; CI's
 * {@code .ci/run} installs them where missing). Tests that need it are skipped, saying why, only when neither is
 * installed. Nothing is downloaded: Selenium Manager is not asked for a driver.
 */
public final class HeadlessChromium {

    public static final Path DRIVER = Path.of(System.getProperty("tokenledger.chromedriver", "/usr/bin/chromedriver"));
    public static final Path BROWSER = Path.of(System.getProperty("tokenledger.chromium", "/usr/bin/chromium"));

    private HeadlessChromium() {}

    /** Skips the calling test when Chromium or its driver is missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "Browser tests need Chromium at " + BROWSER + " and chromedriver at " + DRIVER
                        + " (apt-get install chromium chromium-driver); not found, so skipped");
    }

    /** A new browser that saves downloads into {@code downloads} without asking. */
    public static ChromeDriver start(Path downloads) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(BROWSER.toString()));
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000"));
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        return new ChromeDriver(service, options);
    }
}
