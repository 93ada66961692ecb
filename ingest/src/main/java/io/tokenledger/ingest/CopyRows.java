package io.tokenledger.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Builds a PostgreSQL {@code COPY ... (format binary)} stream: the server takes each value as it is stored instead of
 * parsing text (timestamps above all), which makes the staging COPY of a batch about a third cheaper than CSV. Each
 * method writes one field of the current row; the caller writes them in the column order of the COPY statement, with
 * the column types of the staging table.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final LocalDate POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1);
    private static final byte JSONB_VERSION = 1;

    private final int columns;
    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;
    private int fieldsInRow;

    CopyRows(int columns, int expectedRows) {
        this.columns = columns;
        this.bytes = new ByteArrayOutputStream(expectedRows * 320);
        this.out = new DataOutputStream(bytes);
        write(() -> {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
        });
    }

    /** A {@code text} value (null for SQL null). */
    CopyRows text(String value) {
        return value == null ? nullField() : field(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code jsonb} value given as JSON text. */
    CopyRows jsonb(String json) {
        if (json == null) {
            return nullField();
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[text.length + 1];
        value[0] = JSONB_VERSION;
        System.arraycopy(text, 0, value, 1, text.length);
        return field(value);
    }

    /** A {@code timestamptz}: microseconds since 2000-01-01 UTC, rounded to the nearest as PostgreSQL rounds text. */
    CopyRows timestamp(Instant value) {
        long micros =
                ChronoUnit.MICROS.between(POSTGRES_EPOCH, value.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
        return fixed(8, () -> out.writeLong(micros));
    }

    /** A {@code date}: days since 2000-01-01. */
    CopyRows date(LocalDate value) {
        int days = (int) ChronoUnit.DAYS.between(POSTGRES_EPOCH_DAY, value);
        return fixed(4, () -> out.writeInt(days));
    }

    /** A {@code bigint} (null for SQL null). */
    CopyRows bigint(Long value) {
        return value == null ? nullField() : fixed(8, () -> out.writeLong(value));
    }

    /** A {@code bigint}. */
    CopyRows bigint(long value) {
        return fixed(8, () -> out.writeLong(value));
    }

    /** An {@code integer}. */
    CopyRows integer(int value) {
        return fixed(4, () -> out.writeInt(value));
    }

    /** An {@code integer} (null for SQL null). */
    CopyRows integer(Integer value) {
        return value == null ? nullField() : fixed(4, () -> out.writeInt(value));
    }

    /** A {@code boolean} (null for SQL null). */
    CopyRows bool(Boolean value) {
        return value == null ? nullField() : fixed(1, () -> out.writeByte(value ? 1 : 0));
    }

    void endRow() {
        if (fieldsInRow != columns) {
            throw new IllegalStateException("a COPY row has " + fieldsInRow + " fields, the table " + columns);
        }
        fieldsInRow = 0;
    }

    /** The stream, with its trailer; the builder is spent. */
    byte[] toBytes() {
        write(() -> out.writeShort(-1));
        return bytes.toByteArray();
    }

    private CopyRows field(byte[] value) {
        return fixed(value.length, () -> out.write(value));
    }

    private CopyRows nullField() {
        return fixed(-1, () -> {});
    }

    private CopyRows fixed(int length, Write value) {
        write(() -> {
            if (fieldsInRow == 0) {
                out.writeShort(columns);
            }
            out.writeInt(length);
            value.run();
        });
        fieldsInRow++;
        return this;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }
}
