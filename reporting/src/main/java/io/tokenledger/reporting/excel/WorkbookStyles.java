package io.tokenledger.reporting.excel;

import java.util.Currency;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of a chargeback workbook: real number, currency and date formats (so that Excel sums and sorts
 * them), bold headers and totals, and a quote-prefixed text style for text that looks like a formula.
 */
final class WorkbookStyles {

    final CellStyle title;
    final CellStyle note;
    final CellStyle section;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrappedText;
    final CellStyle formulaLookingText;
    final CellStyle count;
    final CellStyle money;
    final CellStyle variance;
    final CellStyle price;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle totalText;
    final CellStyle totalCount;
    final CellStyle totalMoney;
    final CellStyle totalVariance;

    WorkbookStyles(Workbook workbook, String currency, int minorUnits) {
        DataFormat formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        Font muted = workbook.createFont();
        muted.setItalic(true);
        muted.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

        String amount = currencyPrefix(currency) + "#,##0" + (minorUnits > 0 ? "." + "0".repeat(minorUnits) : "");
        String moneyFormat = amount + ";-" + amount;
        String varianceFormat = amount + ";[Red]-" + amount;

        title = workbook.createCellStyle();
        title.setFont(large);
        note = workbook.createCellStyle();
        note.setFont(muted);
        section = workbook.createCellStyle();
        section.setFont(bold);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        text = workbook.createCellStyle();
        text.setDataFormat(formats.getFormat("@"));
        wrappedText = workbook.createCellStyle();
        wrappedText.setDataFormat(formats.getFormat("@"));
        wrappedText.setWrapText(true);
        wrappedText.setVerticalAlignment(VerticalAlignment.TOP);
        // Excel and LibreOffice keep a quote-prefixed cell as text even when a person edits and confirms it
        formulaLookingText = workbook.createCellStyle();
        formulaLookingText.setDataFormat(formats.getFormat("@"));
        formulaLookingText.setQuotePrefixed(true);
        count = numeric(workbook, formats, "#,##0", null);
        money = numeric(workbook, formats, moneyFormat, null);
        variance = numeric(workbook, formats, varianceFormat, null);
        price = numeric(workbook, formats, "#,##0.00########", null);
        date = numeric(workbook, formats, "yyyy-mm-dd", null);
        dateTime = numeric(workbook, formats, "yyyy-mm-dd hh:mm:ss", null);
        totalText = workbook.createCellStyle();
        totalText.setFont(bold);
        totalText.setBorderTop(BorderStyle.THIN);
        totalCount = numeric(workbook, formats, "#,##0", bold);
        totalMoney = numeric(workbook, formats, moneyFormat, bold);
        totalVariance = numeric(workbook, formats, varianceFormat, bold);
    }

    private static CellStyle numeric(Workbook workbook, DataFormat formats, String format, Font totalFont) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        if (totalFont != null) {
            style.setFont(totalFont);
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }

    /** {@code "$"} for USD, {@code "€"} for EUR, {@code "CHF "} where the currency has no symbol of its own. */
    private static String currencyPrefix(String currency) {
        String symbol = Currency.getInstance(currency).getSymbol(Locale.US);
        String shown = symbol.equals(currency) ? currency + " " : symbol;
        return "\"" + shown.replace("\"", "") + "\"";
    }
}
