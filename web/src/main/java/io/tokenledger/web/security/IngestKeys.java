package io.tokenledger.web.security;

import static io.tokenledger.db.jooq.Tables.INGEST_KEY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys for machines that post usage: created once (the key is returned only then), stored as a SHA-256 hash,
 * revocable. A key authorizes {@code POST /api/v1/usage-events} and nothing else.
 */
@Service
public class IngestKeys {

    static final String PREFIX = "tlk_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final SecureRandom random = new SecureRandom();

    IngestKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A key as listed: never the key itself. */
    public record IngestKey(
            String name,
            String keyPrefix,
            Instant createdAt,
            String createdBy,
            Instant lastUsedAt,
            Instant revokedAt) {}

    /**
     * @return the new key, to be shown once
     * @throws IllegalArgumentException when the name is blank, too long or taken
     */
    @Transactional
    public String create(String name, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name is required, 1 to 100 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int inserted = dsl.insertInto(INGEST_KEY)
                .set(INGEST_KEY.NAME, name.trim())
                .set(INGEST_KEY.KEY_HASH, hash(key))
                .set(INGEST_KEY.KEY_PREFIX, key.substring(0, PREFIX.length() + 6))
                .set(INGEST_KEY.CREATED_BY, createdBy)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new IllegalArgumentException("an ingest key named '" + name.trim() + "' exists already");
        }
        return key;
    }

    @Transactional(readOnly = true)
    public List<IngestKey> all() {
        return dsl.selectFrom(INGEST_KEY)
                .orderBy(INGEST_KEY.NAME)
                .fetch(row -> new IngestKey(
                        row.getName(),
                        row.getKeyPrefix(),
                        row.getCreatedAt().toInstant(),
                        row.getCreatedBy(),
                        row.getLastUsedAt() == null ? null : row.getLastUsedAt().toInstant(),
                        row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant()));
    }

    /** @return false when there is no active key with this name */
    @Transactional
    public boolean revoke(String name) {
        return dsl.update(INGEST_KEY)
                        .set(INGEST_KEY.REVOKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                        .where(INGEST_KEY.NAME.eq(name).and(INGEST_KEY.REVOKED_AT.isNull()))
                        .execute()
                > 0;
    }

    /** The name of the active key {@code key} is, noting that it was used. */
    @Transactional
    Optional<String> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // one write a minute at most, so that a busy gateway does not turn every batch into a key update
        return dsl.update(INGEST_KEY)
                .set(INGEST_KEY.LAST_USED_AT, now)
                .where(INGEST_KEY
                        .KEY_HASH
                        .eq(hash(key))
                        .and(INGEST_KEY.REVOKED_AT.isNull())
                        .and(INGEST_KEY
                                .LAST_USED_AT
                                .isNull()
                                .or(INGEST_KEY.LAST_USED_AT.lt(now.minus(LAST_USED_RESOLUTION)))))
                .returning(INGEST_KEY.NAME)
                .fetchOptional(INGEST_KEY.NAME)
                .or(() -> dsl.select(INGEST_KEY.NAME)
                        .from(INGEST_KEY)
                        .where(INGEST_KEY.KEY_HASH.eq(hash(key)).and(INGEST_KEY.REVOKED_AT.isNull()))
                        .fetchOptional(INGEST_KEY.NAME));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
