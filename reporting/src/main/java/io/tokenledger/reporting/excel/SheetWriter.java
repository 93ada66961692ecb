package io.tokenledger.reporting.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet row by row: a title, a note, a header row that stays frozen and carries the auto-filter, then
 * data. Every value goes through here, so that money becomes a number only at the cell (from the rounded
 * {@link BigDecimal}) and no text can ever be taken for a formula.
 */
final class SheetWriter {

    /** The last row index a sheet can hold (Excel's limit is 1,048,576 rows). */
    static final int LAST_ROW = 1_048_575;

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int HEADER_WIDTH_CHARS = 12;

    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final int[] widths;
    private int nextRow;
    private int headerRow = -1;
    private int lastFilteredRow = -1;
    private boolean filtered = true;
    private Row row;
    private int column;

    SheetWriter(Sheet sheet, WorkbookStyles styles, int columns) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = new int[columns];
    }

    /** Title and note above the table (rows 1 and 2). */
    SheetWriter heading(String title, String note) {
        row().put(title, styles.title);
        row().put(note, styles.note);
        return this;
    }

    /**
     * The header row: frozen, the top of the auto-filter, and repeated on every printed page. Titles wrap onto two
     * lines rather than widening number columns.
     */
    SheetWriter header(List<String> titles) {
        headerRow = nextRow;
        row();
        row.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints() + 2);
        for (String title : titles) {
            Cell cell = row.createCell(column);
            cell.setCellValue(title);
            cell.setCellStyle(styles.header);
            widen(column++, Math.min(title.length(), HEADER_WIDTH_CHARS));
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        return this;
    }

    /** A bold label that starts a section below a table; it does not widen its column. */
    SheetWriter section(String label) {
        row().put(label, styles.section);
        return this;
    }

    /** For key-value sheets: no auto-filter on the header. */
    SheetWriter withoutFilter() {
        filtered = false;
        return this;
    }

    /** Starts a data row; its cells go left to right. */
    SheetWriter row() {
        row = sheet.createRow(nextRow++);
        column = 0;
        return this;
    }

    /** Marks the current row as the last one the header's filter covers. */
    SheetWriter endOfTable() {
        lastFilteredRow = nextRow - 1;
        return this;
    }

    SheetWriter skipRow() {
        nextRow++;
        return this;
    }

    int rowsWritten() {
        return nextRow;
    }

    SheetWriter text(String value) {
        if (value == null || value.isEmpty()) {
            return blank();
        }
        return put(value, looksLikeFormula(value) ? styles.formulaLookingText : styles.text);
    }

    SheetWriter wrappedText(String value) {
        if (value == null || value.isEmpty()) {
            return blank();
        }
        return put(value, looksLikeFormula(value) ? styles.formulaLookingText : styles.wrappedText);
    }

    SheetWriter bold(String value) {
        return put(value, styles.totalText);
    }

    SheetWriter count(long value) {
        return number(value, styles.count);
    }

    SheetWriter totalCount(long value) {
        return number(value, styles.totalCount);
    }

    SheetWriter money(BigDecimal rounded) {
        return rounded == null ? blank() : number(rounded.doubleValue(), styles.money);
    }

    SheetWriter totalMoney(BigDecimal rounded) {
        return rounded == null ? blank(styles.totalText) : number(rounded.doubleValue(), styles.totalMoney);
    }

    SheetWriter variance(BigDecimal rounded) {
        return rounded == null ? blank() : number(rounded.doubleValue(), styles.variance);
    }

    SheetWriter totalVariance(BigDecimal rounded) {
        return rounded == null ? blank(styles.totalText) : number(rounded.doubleValue(), styles.totalVariance);
    }

    /** A price as a number when a double holds it exactly enough (15 significant digits), else as exact text. */
    SheetWriter price(BigDecimal price) {
        if (price == null) {
            return blank();
        }
        if (price.stripTrailingZeros().precision() > 15) {
            return text(price.toPlainString());
        }
        return number(price.doubleValue(), styles.price);
    }

    SheetWriter date(LocalDate value) {
        if (value == null) {
            return blank();
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date);
        widen(column++, 11);
        return this;
    }

    SheetWriter dateTime(LocalDateTime value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.dateTime);
        widen(column++, 19);
        return this;
    }

    SheetWriter blank() {
        column++;
        return this;
    }

    private SheetWriter blank(CellStyle style) {
        row.createCell(column++).setCellStyle(style);
        return this;
    }

    private SheetWriter number(double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widen(column++, 14);
        return this;
    }

    private SheetWriter put(String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        if (style != styles.title && style != styles.note && style != styles.section) {
            widen(column, value.length() + 1);
        }
        column++;
        return this;
    }

    private void widen(int index, int chars) {
        if (index < widths.length) {
            widths[index] = Math.max(widths[index], Math.min(chars, MAX_WIDTH_CHARS));
        }
    }

    /**
     * Sets column widths from the longest values seen, the auto-filter over the header and its table, and printing:
     * landscape, one page wide.
     */
    void finish() {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, (Math.max(widths[i], 6) + 2) * 256);
        }
        if (headerRow >= 0 && filtered) {
            int last = lastFilteredRow >= headerRow ? lastFilteredRow : nextRow - 1;
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(last, headerRow), 0, widths.length - 1));
        }
    }

    /**
     * Text a spreadsheet would read as a formula (or that CSV-injection guidance lists): it starts with
     * {@code = + - @}, a tab or a carriage return.
     */
    static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
