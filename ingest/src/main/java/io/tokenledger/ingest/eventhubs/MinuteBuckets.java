package io.tokenledger.ingest.eventhubs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Events counted in two buckets, the minute starting at {@code minuteStart} and the one before it: enough for a
 * sliding one-minute rate without keeping single events.
 */
record MinuteBuckets(Instant minuteStart, long thisMinute, long previousMinute) {

    /** This minute's count plus the share of the previous minute's that still lies within the last 60 seconds. */
    long perMinute(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        long remainingMillis = 60_000 - (now.toEpochMilli() - minute.toEpochMilli());
        if (minuteStart.equals(minute)) {
            return thisMinute + previousMinute * remainingMillis / 60_000;
        }
        if (minuteStart.equals(minute.minus(1, ChronoUnit.MINUTES))) {
            return thisMinute * remainingMillis / 60_000;
        }
        return 0;
    }
}
