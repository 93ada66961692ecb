package io.tokenledger.reporting.excel;

import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.DailyLine;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the chargeback workbook (.xlsx) of a statement: Summary, By deployment &amp; model, Daily detail,
 * Allocations &amp; adjustments (when there are any), Rate cards used, About.
 *
 * <p>Rows are streamed (POI SXSSF): at most {@value #ROWS_IN_MEMORY} rows per sheet are held in memory, the rest go
 * to a temporary file, and the daily detail is read one tenant at a time, so that a month of a thousand tenants on
 * thirty deployments fits a small heap. The detail is written to its sheet on a second thread while the database
 * reads the next tenants ({@link ConsumerThread}).
 */
@Service
public class ChargebackWorkbooks {

    /** The media type of the workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int ROWS_IN_MEMORY = 200;

    private final ChargebackStatements statements;

    ChargebackWorkbooks(ChargebackStatements statements) {
        this.statements = statements;
    }

    /**
     * Builds the statement and writes its workbook to {@code out}, both from one database snapshot.
     *
     * @return the statement the workbook shows
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChargebackStatement write(StatementRequest request, OutputStream out) throws IOException {
        ChargebackStatement statement = statements.statement(request);
        write(statement, out);
        return statement;
    }

    /**
     * Writes the workbook of a statement built in the caller's transaction, which must still be open (the daily
     * detail is read now, from the same snapshot).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void write(ChargebackStatement statement, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new StreamingWorkbook(ROWS_IN_MEMORY);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook, statement.currency(), statement.minorUnits());
            String subtitle = statement.from() + " to " + statement.to() + " · business days in "
                    + statement.zone().getId() + " · " + statement.currency() + " · generated "
                    + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            statement.generatedAt().atZone(statement.zone()).withNano(0))
                    + (statement.complete() ? "" : " · month to date");

            SheetWriter summary = sheet(workbook, SummarySheet.NAME, styles, 12);
            SummarySheet.write(summary, statement, subtitle);
            summary.finish();

            SheetWriter deployments = sheet(workbook, DeploymentSheet.NAME, styles, 12);
            DeploymentSheet.write(deployments, statement);
            deployments.finish();

            int[] detailSheets = {0};
            DailyDetailSheets daily = new DailyDetailSheets(
                    () -> sheet(
                            workbook,
                            ++detailSheets[0] == 1
                                    ? DailyDetailSheets.NAME
                                    : DailyDetailSheets.NAME + " (" + detailSheets[0] + ")",
                            styles,
                            11),
                    statement.currency());
            daily.start();
            // the sheet is written on a thread of its own while the next tenants' detail is read
            try (ConsumerThread<DailyLine> writer = new ConsumerThread<>("chargeback-daily-detail", daily)) {
                statements.dailyDetail(statement, writer);
                writer.finish();
            }
            daily.finish();

            boolean hasCharges = !statement.charges().isEmpty();
            if (hasCharges) {
                SheetWriter charges = sheet(workbook, ChargesSheet.NAME, styles, 7);
                ChargesSheet.write(charges, statement);
                charges.finish();
            }

            SheetWriter rateCards = sheet(workbook, RateCardSheet.NAME, styles, 15);
            RateCardSheet.write(rateCards, statement);
            rateCards.finish();

            SheetWriter about = sheet(workbook, AboutSheet.NAME, styles, 2);
            AboutSheet.write(about, statement, daily.rows(), hasCharges);
            about.finish();

            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(statement.title());
            properties.setCreator("TokenLedger");
            properties.setDescription("Chargeback " + StatementText.month(statement.period()));
            workbook.setActiveSheet(0);
            workbook.writeAvoidingTempFiles(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** {@code tokenledger-chargeback-2026-11-all.xlsx}. */
    public static String fileName(ChargebackStatement statement) {
        return "tokenledger-chargeback-" + statement.period() + "-"
                + statement.scope().slug() + ".xlsx";
    }

    private static SheetWriter sheet(SXSSFWorkbook workbook, String name, WorkbookStyles styles, int columns) {
        SXSSFSheet sheet = workbook.createSheet(name);
        return new SheetWriter(sheet, styles, columns);
    }
}
