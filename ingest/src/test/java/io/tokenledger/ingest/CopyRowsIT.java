package io.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The binary COPY stream stores exactly the values it was given, as PostgreSQL reads them back. */
class CopyRowsIT {

    private static final String TABLE = "create temporary table copied (t text, ts timestamptz, d date,"
            + " b bigint, i integer, f boolean, j jsonb, n bigint)";

    @Test
    void everyTypeAndNullRoundTrips() throws Exception {
        CopyRows rows = new CopyRows(8, 2);
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

        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            connection.createStatement().execute(TABLE);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy copied from stdin (format binary)", new ByteArrayInputStream(rows.toBytes()));
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
    void aRowWithTheWrongNumberOfFieldsIsRefusedBeforeItReachesTheServer() {
        CopyRows rows = new CopyRows(2, 1);
        rows.text("only one");

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(rows::endRow)
                .withMessageContaining("1 fields");
    }
}
