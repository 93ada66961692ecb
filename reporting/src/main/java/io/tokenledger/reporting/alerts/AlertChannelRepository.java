package io.tokenledger.reporting.alerts;

import static io.tokenledger.db.jooq.Tables.ALERT_CHANNEL;

import io.tokenledger.db.jooq.tables.records.AlertChannelRecord;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AlertChannelRepository {

    private final DSLContext dsl;

    AlertChannelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A channel with its signing secret, for sending only. */
    record Target(AlertChannel channel, String secret, boolean deleted) {}

    List<AlertChannel> active() {
        return dsl.selectFrom(ALERT_CHANNEL)
                .where(ALERT_CHANNEL.DELETED_AT.isNull())
                .orderBy(ALERT_CHANNEL.CHANNEL_ID)
                .fetch(row -> toTarget(row).channel());
    }

    Optional<Target> find(long id) {
        return dsl.selectFrom(ALERT_CHANNEL)
                .where(ALERT_CHANNEL.CHANNEL_ID.eq(id))
                .fetchOptional(AlertChannelRepository::toTarget);
    }

    AlertChannel insert(
            String type, URI url, String name, ChannelScope scope, String subject, String secret, String by) {
        return toTarget(dsl.insertInto(ALERT_CHANNEL)
                        .set(ALERT_CHANNEL.KIND, type)
                        .set(ALERT_CHANNEL.URL, url.toString())
                        .set(ALERT_CHANNEL.NAME, name)
                        .set(ALERT_CHANNEL.SCOPE, scope.name())
                        .set(ALERT_CHANNEL.SUBJECT, subject)
                        .set(ALERT_CHANNEL.SECRET, secret)
                        .set(ALERT_CHANNEL.CREATED_BY, by)
                        .returning()
                        .fetchSingle())
                .channel();
    }

    /** Marks a channel removed (its delivery log stays); false when there was no such active channel. */
    boolean delete(long id, Instant at) {
        return dsl.update(ALERT_CHANNEL)
                        .set(ALERT_CHANNEL.DELETED_AT, at.atOffset(ZoneOffset.UTC))
                        .where(ALERT_CHANNEL.CHANNEL_ID.eq(id).and(ALERT_CHANNEL.DELETED_AT.isNull()))
                        .execute()
                > 0;
    }

    private static Target toTarget(AlertChannelRecord row) {
        return new Target(
                new AlertChannel(
                        row.getChannelId(),
                        row.getKind(),
                        row.getName(),
                        URI.create(row.getUrl()),
                        ChannelScope.valueOf(row.getScope()),
                        row.getSubject(),
                        row.getCreatedAt().toInstant(),
                        row.getCreatedBy()),
                row.getSecret(),
                row.getDeletedAt() != null);
    }
}
