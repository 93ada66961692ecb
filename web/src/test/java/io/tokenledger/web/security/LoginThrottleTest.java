package io.tokenledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.TokenLedgerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new TokenLedgerProperties.Throttle(
                    true, 5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            clock);

    @Test
    void fifthFailureLocksTheUserNameAndEachFurtherOneDoublesTheLockout() {
        fail("ana", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("ana", "10.0.0.2")).isEmpty();

        fail("ana", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("ana", "10.0.0.2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("ANA ", "10.0.0.3"))
                .as("names are compared case-insensitively")
                .isPresent();
        assertThat(throttle.lockedFor("bob", "10.0.0.2")).isEmpty();

        fail("ana", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("ana", "10.0.0.2")).contains(Duration.ofSeconds(60));
        fail("ana", "10.0.0.1", 10);
        assertThat(throttle.lockedFor("ana", "10.0.0.2")).contains(Duration.ofMinutes(15));
    }

    @Test
    void lockoutEndsAndASuccessStartsAfresh() {
        fail("ana", "10.0.0.1", 5);
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.lockedFor("ana", "10.0.0.1")).isEmpty();

        throttle.succeeded("ana", "10.0.0.1");
        fail("ana", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("ana", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyNamesIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            fail("user-" + i, "10.0.0.9", 1);
        }

        assertThat(throttle.lockedFor("somebody-else", "10.0.0.9")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("somebody-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void oldFailuresAreForgotten() {
        fail("ana", "10.0.0.1", 4);
        clock.advance(Duration.ofHours(2));
        fail("ana", "10.0.0.1", 1);

        assertThat(throttle.lockedFor("ana", "10.0.0.1")).isEmpty();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
