package io.tokenledger.ingest.appinsights;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.ingest.format.UsageEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delta booked for a bin against what the ledger holds. */
class BinDeltasTest {

    private static final BinDeltas DELTAS = new BinDeltas("subscriptionId");
    private static final MetricBin BIN = bin(1000, 200, 5);

    @Test
    void aNewBinIsBookedWholeAsRevisionOne() {
        BinDeltas.Result result = DELTAS.compare(List.of(BIN), Map.of());

        UsageEvent event = result.events().getFirst();
        assertThat(event.id()).isEqualTo(BIN.id() + "#1");
        assertThat(event.tokens().prompt()).isEqualTo(1000);
        assertThat(event.tokens().completion()).isEqualTo(200);
        assertThat(event.requests()).isEqualTo(5);
        assertThat(event.subscriptionId()).isEqualTo("acme");
        assertThat(event.deployment()).isEqualTo("gpt-4o");
        assertThat(event.userId()).isNull();
    }

    @Test
    void aGrownBinIsBookedByItsGrowthOnly() {
        BinDeltas.Result result =
                DELTAS.compare(List.of(bin(1300, 200, 6)), Map.of(BIN.id(), new CountedBin(1000, 200, 1200, 5, 1)));

        UsageEvent event = result.events().getFirst();
        assertThat(event.id()).isEqualTo(BIN.id() + "#2");
        assertThat(event.tokens().prompt()).isEqualTo(300);
        assertThat(event.tokens().completion()).isZero();
        assertThat(event.requests()).isEqualTo(1);
        assertThat(result.states().getFirst().counted()).isEqualTo(new CountedBin(1300, 200, 1500, 6, 2));
    }

    @Test
    void anUnchangedBinBooksNothing() {
        BinDeltas.Result result = DELTAS.compare(List.of(BIN), Map.of(BIN.id(), new CountedBin(1000, 200, 1200, 5, 1)));

        assertThat(result.events()).isEmpty();
        assertThat(result.states()).isEmpty();
    }

    @Test
    void aShrunkSumKeepsTheCountedValueAndIsReported() {
        BinDeltas.Result result =
                DELTAS.compare(List.of(bin(800, 250, 5)), Map.of(BIN.id(), new CountedBin(1000, 200, 1200, 5, 1)));

        assertThat(result.shrunk()).isEqualTo(1);
        assertThat(result.events().getFirst().tokens().prompt()).isZero();
        assertThat(result.events().getFirst().tokens().completion()).isEqualTo(50);
        assertThat(result.states().getFirst().counted().prompt()).isEqualTo(1000);
    }

    @Test
    void theIdDependsOnBinAndDimensionsOnly() {
        assertThat(bin(1, 1, 1).id()).isEqualTo(BIN.id());
        MetricBin otherUser = new MetricBin(
                BIN.binStart(), new BinDimensions("acme", "gpt-4o", "ana", "", "", ""), 1000, 200, 1200, 5);
        assertThat(otherUser.id()).isNotEqualTo(BIN.id());
        assertThat(BIN.id()).matches("appinsights:2026-11-20T10:00:00Z:[0-9a-f]{32}");
    }

    private static MetricBin bin(long prompt, long completion, long requests) {
        return new MetricBin(
                Instant.parse("2026-11-20T10:00:00Z"),
                new BinDimensions("acme", "gpt-4o", "", "", "", ""),
                prompt,
                completion,
                prompt + completion,
                requests);
    }
}
