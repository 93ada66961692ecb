package io.tokenledger.reporting.excel;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's sheet XML spool for a workbook with inline strings, writing the cells a statement has (text, numbers,
 * blanks) as POI does, character for character, but without the per-cell strings POI makes on the way (the cell
 * reference, the style index, whole numbers); any other cell goes to POI's own writer.
 *
 * <p>Why: profiling the 1,000-tenant benchmark showed most of the daily detail's time in writing its ten million
 * cells, and a third of that in those short-lived strings.
 */
class SheetDataXmlWriter extends SheetDataWriter {

    /** Below this, {@link Double#toString(double)} writes a whole number as its digits and ".0". */
    private static final long PLAIN_WHOLE_LIMIT = 10_000_000L;

    private static final String[] COLUMNS = new String[64];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            COLUMNS[i] = CellReference.convertNumToColString(i);
        }
    }

    /** Spools to a temporary file, as SXSSF does. */
    SheetDataXmlWriter() throws IOException {}

    /** Writes to {@code out}. */
    SheetDataXmlWriter(Writer out) throws IOException {
        super(new UnsynchronizedWriter(out));
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new UnsynchronizedWriter(new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8));
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (type != CellType.NUMERIC && type != CellType.STRING && type != CellType.BLANK) {
            super.writeCell(columnIndex, cell);
            return;
        }
        UnsynchronizedWriter out = (UnsynchronizedWriter) _out;
        out.write("<c r=\"");
        out.write(
                columnIndex < COLUMNS.length ? COLUMNS[columnIndex] : CellReference.convertNumToColString(columnIndex));
        out.writeDecimal(cell.getRowIndex() + 1L);
        out.write('"');
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            out.write(" s=\"");
            out.writeDecimal(style);
            out.write('"');
        }
        switch (type) {
            case NUMERIC -> {
                out.write(" t=\"n\"><v>");
                writeNumber(out, cell.getNumericCellValue());
                out.write("</v>");
            }
            case STRING -> {
                String text = cell.getStringCellValue() == null ? "" : cell.getStringCellValue();
                out.write(
                        hasLeadingOrTrailingSpace(text)
                                ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                                : " t=\"inlineStr\"><is><t>");
                if (isPlain(text)) {
                    out.write(text);
                } else {
                    outputEscapedString(text);
                }
                out.write("</t></is>");
            }
            default -> out.write('>');
        }
        out.write("</c>");
    }

    /** As {@link Double#toString(double)}. */
    private static void writeNumber(UnsynchronizedWriter out, double value) throws IOException {
        long whole = (long) value;
        if (whole == value && Math.abs(value) < PLAIN_WHOLE_LIMIT && !(whole == 0 && 1 / value < 0)) {
            out.writeDecimal(whole);
            out.write(".0");
        } else {
            out.write(Double.toString(value));
        }
    }

    private static boolean hasLeadingOrTrailingSpace(String text) {
        return !text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
    }

    /** Text that POI's escaping would leave as it is: printable ASCII other than {@code < > & "}. */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '<' || c == '>' || c == '&' || c == '"') {
                return false;
            }
        }
        return true;
    }
}
