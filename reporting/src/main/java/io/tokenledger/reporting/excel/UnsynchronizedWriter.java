package io.tokenledger.reporting.excel;

import java.io.IOException;
import java.io.Writer;

/**
 * A character buffer in front of a writer, without the per-call lock of {@link java.io.BufferedWriter}, that also
 * writes whole numbers without making a string of them first.
 */
final class UnsynchronizedWriter extends Writer {

    private static final int SIZE = 1 << 16;
    /** The most characters a long takes: a sign and 19 digits. */
    private static final int LONG_CHARS = 20;

    private final Writer out;
    private final char[] buffer = new char[SIZE];
    private int used;

    UnsynchronizedWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (used == SIZE) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length >= SIZE) {
            drain();
            out.write(chars, offset, length);
            return;
        }
        if (used + length > SIZE) {
            drain();
        }
        System.arraycopy(chars, offset, buffer, used, length);
        used += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length >= SIZE) {
            drain();
            out.write(text, offset, length);
            return;
        }
        if (used + length > SIZE) {
            drain();
        }
        text.getChars(offset, offset + length, buffer, used);
        used += length;
    }

    @Override
    public void write(String text) throws IOException {
        write(text, 0, text.length());
    }

    /** The decimal digits of {@code value}, as {@link Long#toString(long)} writes them. */
    void writeDecimal(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            write(Long.toString(value));
            return;
        }
        if (used + LONG_CHARS > SIZE) {
            drain();
        }
        if (value < 0) {
            buffer[used++] = '-';
            value = -value;
        }
        int end = used + digits(value);
        int at = end;
        do {
            buffer[--at] = (char) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        used = end;
    }

    private static int digits(long positive) {
        int digits = 1;
        for (long limit = 10; digits < 19 && positive >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
