package io.tokenledger.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

class SheetDataXmlWriterTest {

    @Test
    void writesEveryKindOfCellExactlyAsPoiDoes() throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, -1, false, false)) {
            SXSSFSheet sheet = workbook.createSheet("cells");
            CellStyle styled = workbook.createCellStyle();
            List<Object> values = List.of(
                    "tenant-00001",
                    "",
                    " leading space",
                    "trailing tab\t",
                    "<a & \"b\">",
                    "line\nbreak\r",
                    "café · € 🙂",
                    "\u0001control\uFFFE",
                    "=HYPERLINK(\"x\")",
                    0.0,
                    -0.0,
                    1.0,
                    -42.0,
                    9_999_999.0,
                    10_000_000.0,
                    123_456_789.0,
                    -1e7,
                    12.34,
                    -0.01,
                    0.001,
                    1e-4,
                    1.0 / 3,
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    1e300,
                    (double) Long.MAX_VALUE,
                    true,
                    LocalDate.of(2026, 10, 31));
            SXSSFRow row = sheet.createRow(0);
            for (int i = 0; i < values.size(); i++) {
                var cell = row.createCell(i);
                switch (values.get(i)) {
                    case String text -> cell.setCellValue(text);
                    case Double number -> cell.setCellValue(number);
                    case Boolean bool -> cell.setCellValue(bool);
                    case LocalDate date -> cell.setCellValue(date);
                    default -> throw new IllegalArgumentException();
                }
                if (i % 2 == 0) {
                    cell.setCellStyle(styled);
                }
            }
            row.createCell(values.size()).setCellStyle(styled);
            row.createCell(values.size() + 1);
            row.createCell(values.size() + 2).setCellFormula("A1&B1");
            row.createCell(70).setCellValue("column BS");
            SXSSFRow far = sheet.createRow(1_048_575);
            far.createCell(16_383).setCellValue(7.0);
            far.createCell(3).setCellValue("d");

            assertThat(xml(SheetDataXmlWriter::new, row, far))
                    .isEqualTo(xml(SheetDataWriter::new, row, far))
                    .contains("<c r=\"BS1\"", "<c r=\"XFD1048576\"");
        }
    }

    private static String xml(WriterFactory factory, SXSSFRow... rows) throws IOException {
        StringWriter target = new StringWriter();
        try (SheetDataWriter writer = factory.writingTo(target)) {
            for (SXSSFRow row : rows) {
                writer.writeRow(row.getRowNum(), row);
            }
        }
        return target.toString();
    }

    private interface WriterFactory {
        SheetDataWriter writingTo(StringWriter target) throws IOException;
    }
}
