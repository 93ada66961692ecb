package io.tokenledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

    @Test
    void requestIdsAreVersion4GuidsTheSameOnEveryRunAndAllDifferent() {
        SyntheticTraffic traffic = new SyntheticTraffic(1_000_000, LAST_DAY, 92, true);
        SyntheticTraffic again = new SyntheticTraffic(1_000_000, LAST_DAY, 92, true);
        Set<String> ids = new HashSet<>();
        for (long n = 0; n < 100_000; n++) {
            ids.add(traffic.id(n));
        }

        assertThat(ids).hasSize(100_000);
        UUID first = UUID.fromString(traffic.id(0));
        assertThat(first.version()).isEqualTo(4);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(traffic.id(0)).isEqualTo(again.id(0)).hasSize(36);
        assertThat(traffic.batch(5, 3))
                .extracting(event -> event.id())
                .containsExactly(traffic.id(5), traffic.id(6), traffic.id(7));
    }

    @Test
    void sequentialIdsCountFromThePrefixAndTheRestOfTheEventIsTheSame() {
        SyntheticTraffic sequential = new SyntheticTraffic(1_000_000, LAST_DAY, 92, false);
        SyntheticTraffic guids = new SyntheticTraffic(1_000_000, LAST_DAY, 92, true);

        assertThat(sequential.id(42)).isEqualTo("bench-42");
        assertThat(sequential.event(42).time()).isEqualTo(guids.event(42).time());
        assertThat(sequential.event(42).tokens()).isEqualTo(guids.event(42).tokens());
        assertThat(sequential.event(42).subscriptionName())
                .isEqualTo(guids.event(42).subscriptionName());
    }
}
