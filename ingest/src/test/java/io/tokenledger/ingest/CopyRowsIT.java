package io.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The binary COPY stream stores exactly the values it was given, as PostgreSQL reads them back. */
class CopyRowsIT {

    private static final String TABLE = "create temporary table copied (t text, ts timestamptz, d date,"
            + " b bigint, i integer, f boolean, j jsonb, n bigint)";

    @Test
    void everyTypeAndNullRoundTrips() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        CopyRows rows = new CopyRows(8, stream::write);
        rows.text("Zoë \"quoted\", comma\nnew line")
                .timestamp(Instant.parse("1999-12-31T23:59:59.1234565Z"))
                .date(LocalDate.of(1999, 12, 31))
                .bigint(Long.MAX_VALUE)
                .integer(-42)
                .bool(true)
                .jsonb("{\"k\": \"v \\\"x\\\"\"}")
                .bigint(7L);
        rows.endRow();
        rows.text(null)
                .timestamp(Instant.parse("2026-11-02T10:00:00.0000004Z"))
                .date(LocalDate.of(2026, 11, 2))
                .bigint((Long) null)
                .integer((Integer) null)
                .bool(null)
                .jsonb(null)
                .bigint(0);
        rows.endRow();
        rows.finish();

        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            connection.createStatement().execute(TABLE);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy copied from stdin (format binary)", new ByteArrayInputStream(stream.toByteArray()));
            try (ResultSet read =
                    connection.createStatement().executeQuery("select *, j->>'k' as k from copied order by n desc")) {
                assertThat(read.next()).isTrue();
                assertThat(read.getString("t")).isEqualTo("Zoë \"quoted\", comma\nnew line");
                assertThat(read.getObject("ts", OffsetDateTime.class))
                        .as("rounded to the microsecond as PostgreSQL rounds text")
                        .isEqualTo(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 123_457_000, ZoneOffset.UTC));
                assertThat(read.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(read.getLong("b")).isEqualTo(Long.MAX_VALUE);
                assertThat(read.getInt("i")).isEqualTo(-42);
                assertThat(read.getBoolean("f")).isTrue();
                assertThat(read.getString("k")).isEqualTo("v \"x\"");
                assertThat(read.next()).isTrue();
                assertThat(read.getString("t")).isNull();
                assertThat(read.getObject("ts", OffsetDateTime.class))
                        .isEqualTo(OffsetDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneOffset.UTC));
                assertThat(read.getObject("b")).isNull();
                assertThat(read.getObject("i")).isNull();
                assertThat(read.getObject("f")).isNull();
                assertThat(read.getObject("j")).isNull();
                assertThat(read.next()).isFalse();
            }
        }
    }

    @Test
    void aStreamOfManyChunksReachesTheServerWhileItIsWritten() throws Exception {
        String large = "x".repeat(3 * CopyRows.CHUNK);
        int count = 20_000;
        List<Integer> chunks = new ArrayList<>();
        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            connection.createStatement().execute("create temporary table streamed (n bigint, t text)");
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy streamed from stdin (format binary)");
            CopyRows rows = new CopyRows(2, (bytes, offset, length) -> {
                chunks.add(length);
                copy.writeToCopy(bytes, offset, length);
            });
            for (int n = 1; n <= count; n++) {
                rows.bigint(n).text(n == 10_000 ? large : "row " + n);
                rows.endRow();
            }
            rows.finish();
            assertThat(copy.endCopy()).isEqualTo(count);

            try (ResultSet read = connection
                    .createStatement()
                    .executeQuery("select count(*), sum(n), max(length(t)), count(*) filter (where t = 'row ' || n)"
                            + " from streamed")) {
                read.next();
                assertThat(read.getLong(1)).isEqualTo(count);
                assertThat(read.getLong(2)).isEqualTo((long) count * (count + 1) / 2);
                assertThat(read.getInt(3)).isEqualTo(large.length());
                assertThat(read.getLong(4)).isEqualTo(count - 1);
            }
        }
        assertThat(chunks).as("handed on a chunk at a time, not at the end").hasSizeGreaterThan(2);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(length -> assertThat(length).isGreaterThanOrEqualTo(CopyRows.CHUNK));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedBeforeItReachesTheServer() {
        CopyRows rows = new CopyRows(2, (bytes, offset, length) -> {});
        rows.text("only one");

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(rows::endRow)
                .withMessageContaining("1 fields");
    }
}
