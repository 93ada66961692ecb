package io.tokenledger.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dayOfAnInstantIsTheDayInTheBusinessZone() {
        BusinessCalendar berlin = BusinessCalendar.fromSetting("Europe/Berlin");

        // CET (UTC+1) from 2026-10-25: midnight in Berlin is 23:00 UTC
        assertThat(berlin.dayOf(Instant.parse("2026-10-31T22:59:59.999Z"))).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(berlin.dayOf(Instant.parse("2026-10-31T23:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-01"));
        // CEST (UTC+2) before it
        assertThat(berlin.dayOf(Instant.parse("2026-10-14T22:00:00Z"))).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(berlin.dayOf(Instant.parse("2026-10-14T21:59:59Z"))).isEqualTo(LocalDate.parse("2026-10-14"));
    }

    @Test
    void utcDayIsTheUtcDate() {
        BusinessCalendar utc = BusinessCalendar.fromSetting("UTC");

        assertThat(utc.dayOf(Instant.parse("2026-10-31T23:30:00Z"))).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(utc.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void settingMayCarrySurroundingSpaces() {
        assertThat(BusinessCalendar.fromSetting(" Europe/Berlin ").zone()).isEqualTo(BERLIN);
    }

    @Test
    void unknownZoneFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> BusinessCalendar.fromSetting("Mars/Olympus_Mons"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.business-zone")
                .hasMessageContaining("Mars/Olympus_Mons");
    }

    @Test
    void malformedZoneFailsWithAMessageNamingTheProperty() {
        assertThatThrownBy(() -> BusinessCalendar.fromSetting("+25:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.business-zone");
        assertThatThrownBy(() -> BusinessCalendar.fromSetting(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenledger.business-zone");
    }

    @Test
    void todayAndCurrentPeriodFollowTheClockInTheBusinessZone() {
        // 23:30 UTC on Dec 31 is already Jan 1 in Berlin: a new billing period there
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        BusinessCalendar berlin = new BusinessCalendar(BERLIN, clock);

        assertThat(berlin.today()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(berlin.currentPeriod()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(new BusinessCalendar(ZoneOffset.UTC, clock).currentPeriod()).isEqualTo(YearMonth.of(2026, 12));
    }
}
