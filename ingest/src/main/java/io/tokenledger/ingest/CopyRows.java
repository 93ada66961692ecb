package io.tokenledger.ingest;

/**
 * Builds the text of a PostgreSQL {@code COPY ... (format csv)} stream: every value quoted, quotes doubled, an
 * unquoted empty field for SQL null.
 */
final class CopyRows {

    private final StringBuilder text;
    private boolean rowStarted;

    CopyRows(int expectedRows) {
        this.text = new StringBuilder(expectedRows * 256);
    }

    CopyRows text(String value) {
        separate();
        if (value != null) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    text.append('"');
                }
                text.append(c);
            }
            text.append('"');
        }
        return this;
    }

    CopyRows number(Long value) {
        separate();
        if (value != null) {
            text.append(value.longValue());
        }
        return this;
    }

    CopyRows number(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyRows bool(Boolean value) {
        separate();
        if (value != null) {
            text.append(value ? 't' : 'f');
        }
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    String toText() {
        return text.toString();
    }

    private void separate() {
        if (rowStarted) {
            text.append(',');
        }
        rowStarted = true;
    }
}
