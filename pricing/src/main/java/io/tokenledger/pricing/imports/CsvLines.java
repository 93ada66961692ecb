package io.tokenledger.pricing.imports;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, small and strict: quoted fields may hold commas, quotes (doubled) and line breaks. */
final class CsvLines {

    /** A record with the 1-based line it starts on. */
    record Row(int line, List<String> fields) {}

    private CsvLines() {}

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        addUnlessBlank(rows, rowStart, fields);
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        boolean comment = !fields.isEmpty() && fields.getFirst().stripLeading().startsWith("#");
        if (!blank && !comment) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }
}
