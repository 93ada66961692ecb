package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

    @Test
    void cachedAndReasoningTokensAreSubsetsOfTheirBuckets() {
        TokenCounts counts = new TokenCounts(1000, 400, 500, 200);

        assertThat(counts.uncachedPrompt()).isEqualTo(600);
        assertThat(counts.visibleCompletion()).isEqualTo(300);
        assertThat(counts.total()).isEqualTo(1500);
    }

    @Test
    void subsetsMayBeTheWholeBucket() {
        TokenCounts counts = new TokenCounts(100, 100, 50, 50);

        assertThat(counts.uncachedPrompt()).isZero();
        assertThat(counts.visibleCompletion()).isZero();
        assertThat(TokenCounts.ZERO.total()).isZero();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new TokenCounts(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCounts(10, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCounts(10, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCounts(10, 0, 10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cachedTokensBeyondThePromptAreRefused() {
        assertThatThrownBy(() -> new TokenCounts(100, 101, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cached");
    }

    @Test
    void reasoningTokensBeyondTheCompletionAreRefused() {
        assertThatThrownBy(() -> new TokenCounts(100, 0, 50, 51))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reasoning");
    }

    @Test
    void totalNeverWrapsAroundToANegativeCount() {
        TokenCounts huge = new TokenCounts(Long.MAX_VALUE, 0, 1, 0);

        assertThatThrownBy(huge::total).isInstanceOf(ArithmeticException.class);
    }
}
