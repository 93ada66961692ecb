package io.tokenledger.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokenledger.reporting.MarchScenario;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbook opens in LibreOffice: converted headless to CSV (its first sheet, the Summary), which holds the
 * statement's total as LibreOffice formats it and the formula-looking name as plain text. Runs where {@code soffice}
 * is on the PATH; elsewhere it is reported as skipped (not run), never as passed.
 */
@ReportingTest
class LibreOfficeOpensWorkbookIT {

    @Autowired
    ReportingData data;

    @Autowired
    ChargebackWorkbooks workbooks;

    @TempDir
    Path dir;

    @Test
    void libreOfficeOpensTheWorkbookAndShowsItsTotalAndNamesAsText() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not on the PATH: this check was not run");
        MarchScenario.load(data);
        Path xlsx = dir.resolve("chargeback.xlsx");
        ChargebackStatement statement;
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            statement = workbooks.write(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()), out);
        }

        Process process = new ProcessBuilder(
                        soffice.get().toString(),
                        "--headless",
                        "--norestore",
                        "--nolockcheck",
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1",
                        "--outdir",
                        dir.resolve("out").toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES))
                .as("soffice finished in time")
                .isTrue();
        String log = Files.readString(dir.resolve("soffice.log"));
        assertThat(process.exitValue()).as(log).isZero();
        Path csv = dir.resolve("out").resolve("chargeback.csv");
        assertThat(csv).as(log).exists();

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String total = "$" + String.format("%,.2f", statement.total());
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("\"Total\",").contains(total));
        assertThat(total).as("a total with a thousands separator").contains(",");
        assertThat(String.join("\n", lines))
                .as("formula-looking text stays text, not a formula's result")
                .contains("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                .contains("\"@SUM(A1:A9)\"");
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
