package io.tokenledger.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AiHubTimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5/24/2024 2:45:56 PM          | 2024-05-24T14:45:56Z
            5/24/2024 2:45:56 pm          | 2024-05-24T14:45:56Z
            05/24/2024 02:45:56 AM        | 2024-05-24T02:45:56Z
            5/24/2024 12:00:00 AM         | 2024-05-24T00:00:00Z
            5/24/2024 12:30:00 PM         | 2024-05-24T12:30:00Z
            5/24/2024 2:45:56.123 PM      | 2024-05-24T14:45:56.123Z
            5/24/2024 14:45:56            | 2024-05-24T14:45:56Z
            5/6/2024 14:45:56             | 2024-05-06T14:45:56Z
            24/5/2024 14:45:56            | 2024-05-24T14:45:56Z
            24/05/2024 14:45:56.5         | 2024-05-24T14:45:56.500Z
            24.05.2024 14:45:56           | 2024-05-24T14:45:56Z
            6.5.2024 14:45:56             | 2024-05-06T14:45:56Z
            2024-05-24T14:45:56Z          | 2024-05-24T14:45:56Z
            2024-05-24T16:45:56+02:00     | 2024-05-24T14:45:56Z
            2024-05-24T14:45:56.4009773Z  | 2024-05-24T14:45:56.4009773Z
            2024-05-24T14:45:56           | 2024-05-24T14:45:56Z
            2024-05-24 14:45:56           | 2024-05-24T14:45:56Z
            """)
    void aiHubRecordWithCultureFormattedTimestampIsUnderstood(String timestamp, String expected) {
        RecordFixture record = RecordFixture.aiHub().with("timestamp", timestamp);

        assertThat(Parsing.validEvent(record).time()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13/13/2024 14:45:56",
                "5/24/2024 13:45:56 PM",
                "5/24/2024 0:45:56 AM",
                "2/30/2024 10:00:00",
                "5/24/2024 24:00:00",
                "5/24/2024",
                "2024-05-24T14:45:56+0200",
                "May 24, 2024 2:45 PM"
            })
    void timestampInNoKnownFormIsNotGuessed(String timestamp) {
        assertThat(AiHubTimestamps.parse(timestamp)).isEmpty();
    }
}
