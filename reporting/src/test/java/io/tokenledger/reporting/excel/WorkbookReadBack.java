package io.tokenledger.reporting.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A generated workbook read back with POI's full (non-streaming) API, as Excel would open it. */
final class WorkbookReadBack {

    /** Title, note, then the header row. */
    static final int HEADER_ROW = 2;

    private final XSSFWorkbook workbook;

    private WorkbookReadBack(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    static WorkbookReadBack of(byte[] xlsx) {
        try {
            return new WorkbookReadBack(new XSSFWorkbook(new ByteArrayInputStream(xlsx)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    Sheet sheet(String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new AssertionError("no sheet '" + name + "' in " + sheetNames());
        }
        return sheet;
    }

    /** The table under the header row, up to the first empty row or the first row that starts with "Total". */
    List<Map<String, Cell>> table(String sheetName) {
        Sheet sheet = sheet(sheetName);
        Row header = sheet.getRow(HEADER_ROW);
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (int index = HEADER_ROW + 1; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            if (row == null || row.getCell(0) == null || row.getCell(0).getCellType() == CellType.BLANK) {
                break;
            }
            if (row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals("Total")) {
                break;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Cell title : header) {
                cells.put(title.getStringCellValue(), row.getCell(title.getColumnIndex()));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The first row of a sheet whose first cell is {@code label}. */
    Row row(String sheetName, String label) {
        for (Row row : sheet(sheetName)) {
            Cell first = row.getCell(0);
            if (first != null
                    && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + label + "' on " + sheetName);
    }

    /** The cell of {@code row} under the header titled {@code title}. */
    Cell cell(String sheetName, Row row, String title) {
        for (Cell header : sheet(sheetName).getRow(HEADER_ROW)) {
            if (header.getStringCellValue().equals(title)) {
                return row.getCell(header.getColumnIndex());
            }
        }
        throw new AssertionError("no column '" + title + "' on " + sheetName);
    }

    List<Cell> allCells() {
        List<Cell> cells = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                row.forEach(cells::add);
            }
        }
        return cells;
    }

    static BigDecimal money(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    static long count(Cell cell) {
        double value = cell.getNumericCellValue();
        if (value != Math.rint(value)) {
            throw new AssertionError("not a whole number: " + value);
        }
        return (long) value;
    }

    static String text(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getStringCellValue();
    }

    static BigDecimal sum(List<Map<String, Cell>> rows, String title) {
        return rows.stream().map(row -> money(row.get(title))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static long rowCount(Sheet sheet) {
        return StreamSupport.stream(sheet.spliterator(), false).count();
    }
}
