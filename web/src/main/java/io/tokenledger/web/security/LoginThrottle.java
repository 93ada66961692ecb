package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address and locks either out for a while once it has failed
 * too often; every further failure doubles the lockout up to a ceiling. A user name is counted whether it exists or
 * not, so the answer never tells which names exist. A success clears the name and the address.
 *
 * <p>Kept in memory, per instance: several instances each allow their own share, which still stops guessing.
 */
@Component
class LoginThrottle {

    /** Beyond this many tracked keys, stale ones are dropped on the next failure. */
    private static final int SWEEP_ABOVE = 10_000;

    private final TokenLedgerProperties.Throttle settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(TokenLedgerProperties properties) {
        this(properties.security().throttle(), Clock.systemUTC());
    }

    LoginThrottle(TokenLedgerProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    /** How much longer sign-ins of {@code username} or from {@code address} are refused; empty when they are not. */
    Optional<Duration> lockedFor(String username, String address) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant until = later(lockedUntil(userKey(username), now), lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String username, String address) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(entry -> isStale(entry, now));
        }
        count(userKey(username), settings.maxFailures(), now);
        count(addressKey(address), settings.maxFailuresPerAddress(), now);
    }

    void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    private void count(String key, int allowed, Instant now) {
        failures.compute(key, (ignored, previous) -> {
            int count = previous == null || isStale(previous, now) ? 1 : previous.count() + 1;
            Instant lockedUntil = null;
            if (count >= allowed) {
                lockedUntil = now.plus(lockout(count - allowed));
            }
            return new Failures(count, now, lockedUntil);
        });
    }

    /** {@code first-lockout} × 2^{@code beyond}, at most {@code max-lockout}. */
    private Duration lockout(int beyond) {
        Duration lockout = settings.firstLockout();
        for (int i = 0; i < beyond && lockout.compareTo(settings.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
    }

    private Instant lockedUntil(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.lockedUntil() == null || !entry.lockedUntil().isAfter(now)) {
            return null;
        }
        return entry.lockedUntil();
    }

    private boolean isStale(Failures entry, Instant now) {
        boolean locked = entry.lockedUntil() != null && entry.lockedUntil().isAfter(now);
        return !locked && entry.last().plus(settings.forgetAfter()).isBefore(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
