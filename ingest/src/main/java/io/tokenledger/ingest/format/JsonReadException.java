package io.tokenledger.ingest.format;

/**
 * Text that Jackson could not read, with the position inside that text. Callers decide whether it sinks the whole
 * body or only one NDJSON line, so this stays separate from {@link PayloadException}.
 */
final class JsonReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean tooDeep;
    private final int line;
    private final int column;

    JsonReadException(String detail, boolean tooDeep, int line, int column) {
        super(detail);
        this.tooDeep = tooDeep;
        this.line = line;
        this.column = column;
    }

    boolean tooDeep() {
        return tooDeep;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
