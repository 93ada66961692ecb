package io.tokenledger.ingest.appinsights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which windows a pull reads: from the watermark less the overlap, split at max-window, bins read whole. */
class PullWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");

    @Test
    void aPullStartsAtTheWatermarkLessTheOverlapAndEndsNow() {
        List<PullWindow> windows = PullWindow.plan(
                Instant.parse("2026-11-20T11:00:00Z"),
                NOW,
                SettingsFixture.settings().build());

        assertThat(windows).singleElement().satisfies(window -> {
            assertThat(window.ingestFrom()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(window.ingestTo()).isEqualTo(NOW);
            // two days of late arrival, aligned to whole hour bins on both ends
            assertThat(window.eventFrom()).isEqualTo(Instant.parse("2026-11-18T08:00:00Z"));
            assertThat(window.eventTo()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        });
    }

    @Test
    void aLongSpanIsSplitIntoConsecutiveWindows() {
        List<PullWindow> windows = PullWindow.plan(
                null,
                NOW,
                SettingsFixture.settings()
                        .windows(Duration.ofHours(4), Duration.ofMinutes(30))
                        .build());

        assertThat(windows)
                .extracting(PullWindow::ingestFrom)
                .containsExactly(Instant.parse("2026-11-20T06:17:00Z"), Instant.parse("2026-11-20T10:17:00Z"));
        assertThat(windows.getLast().ingestTo()).isEqualTo(NOW);
    }

    @Test
    void halvesCoverTheWindowWithoutGapOrOverlap() {
        PullWindow window =
                PullWindow.of(Instant.parse("2026-11-20T06:00:00Z"), NOW, Duration.ofDays(2), Duration.ofHours(1));

        List<PullWindow> halves = window.halves(Duration.ofDays(2), Duration.ofHours(1));

        assertThat(halves.getFirst().ingestFrom()).isEqualTo(window.ingestFrom());
        assertThat(halves.getFirst().ingestTo()).isEqualTo(halves.getLast().ingestFrom());
        assertThat(halves.getLast().ingestTo()).isEqualTo(window.ingestTo());
    }
}
