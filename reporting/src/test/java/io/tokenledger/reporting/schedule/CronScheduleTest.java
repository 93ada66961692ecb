package io.tokenledger.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void firesAtTheCronsTimeInItsZone() {
        CronSchedule monthly = CronSchedule.parse("0 0 7 1 * *");

        assertThat(monthly.next(Instant.parse("2026-11-15T00:00:00Z"), BERLIN))
                .contains(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void fiveFieldsAreMinutesFirst() {
        assertThat(CronSchedule.parse("30 6 * * MON").text()).isEqualTo("0 30 6 * * MON");
        assertThat(CronSchedule.parse("@monthly").text()).isEqualTo("@monthly");
    }

    @Test
    void latestOccurrenceBetweenTwoInstantsIsTheLastThatIsDue() {
        CronSchedule daily = CronSchedule.parse("0 0 7 * * *");

        assertThat(daily.latestBetween(
                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T08:00:00Z"), ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-03T07:00:00Z"));
        assertThat(daily.latestBetween(
                        Instant.parse("2026-11-03T07:00:00Z"), Instant.parse("2026-11-03T08:00:00Z"), ZoneId.of("UTC")))
                .as("an occurrence equal to 'after' is not due again")
                .isEmpty();
    }

    @Test
    void cronsThatFireEverySecondAreTooOften() {
        assertThat(CronSchedule.parse("* 0 7 1 * *").firesTooOften(Instant.parse("2026-11-15T00:00:00Z"), BERLIN))
                .isTrue();
        assertThat(CronSchedule.parse("0 * * * * *").firesTooOften(Instant.parse("2026-11-15T00:00:00Z"), BERLIN))
                .isFalse();
    }

    @Test
    void aWrongCronSaysWhatAFieldLooksLike() {
        assertThatThrownBy(() -> CronSchedule.parse("every monday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0 0 7 1 * *'");
    }
}
