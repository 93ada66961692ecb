package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.excel.ChargebackWorkbooks;
import io.tokenledger.reporting.html.HtmlStatements;
import io.tokenledger.reporting.html.Stylesheet;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.StatementRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Renders what one message carries, workbook and HTML from the same snapshot, so they show the same numbers. */
@Service
class StatementDocuments {

    private final ChargebackStatements statements;
    private final ChargebackWorkbooks workbooks;
    private final HtmlStatements html;

    StatementDocuments(ChargebackStatements statements, ChargebackWorkbooks workbooks, HtmlStatements html) {
        this.statements = statements;
        this.workbooks = workbooks;
        this.html = html;
    }

    /**
     * The rendered statement; the caller deletes the workbook file when done.
     *
     * @param workbook the .xlsx in a temporary file, null when the format has none
     * @param html the HTML statement with inline styles, null when the format has none
     */
    record Rendered(ChargebackStatement statement, Path workbook, String html) {

        void deleteFiles() {
            if (workbook != null) {
                try {
                    Files.deleteIfExists(workbook);
                } catch (IOException e) {
                    workbook.toFile().deleteOnExit();
                }
            }
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Rendered render(StatementRequest request, ReportFormat format) {
        ChargebackStatement statement = statements.statement(request);
        Path file = null;
        try {
            if (format.workbook()) {
                file = Files.createTempFile("tokenledger-chargeback-", ".xlsx");
                try (OutputStream out = Files.newOutputStream(file)) {
                    workbooks.write(statement, out);
                }
            }
            String body = format.html() ? html.render(statement, Stylesheet.inline()) : null;
            return new Rendered(statement, file, body);
        } catch (IOException | RuntimeException e) {
            new Rendered(statement, file, null).deleteFiles();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not write the workbook: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }
}
