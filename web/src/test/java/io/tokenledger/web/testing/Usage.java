package io.tokenledger.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Usage for the running server, relative to the real today (the server's business zone is UTC): events this month
 * and in the previous month, and a price of 10 per 1M tokens, so 100,000 tokens cost 1.00.
 */
public final class Usage {

    private Usage() {}

    public static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    public static YearMonth previousMonth() {
        return thisMonth().minusMonths(1);
    }

    /** A moment of this month a few minutes ago (the month's start when it began only now). */
    public static Instant recently() {
        Instant now = Instant.now();
        Instant monthStart = thisMonth().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant time = now.minus(Duration.ofMinutes(2));
        return time.isBefore(monthStart) ? now : time;
    }

    public static Instant inPreviousMonth() {
        return previousMonth().atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** A canonical record; {@code tenant} null for none, {@code extra} more JSON members (e.g. "productId":"x"). */
    public static String event(String id, String tenant, Instant time, long promptTokens, String extra) {
        return "{\"id\":\"" + id + "\",\"time\":\"" + time + "\","
                + (tenant == null ? "" : "\"tenant\":\"" + tenant + "\",")
                + (extra == null ? "" : extra + ",")
                + "\"deployment\":\"gpt-4o\",\"promptTokens\":" + promptTokens + ",\"completionTokens\":0}";
    }

    public static void priceTenPerMillion(WebClient api) {
        WebClient.Reply<String> reply = api.postJson(
                "/api/v1/rate-cards",
                "{\"deployment\":\"gpt-4o\",\"currency\":\"USD\",\"effectiveFrom\":\"2020-01-01\","
                        + "\"promptPer1M\":\"10\",\"cachedPromptPer1M\":\"10\",\"completionPer1M\":\"10\"}");
        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
    }

    public static void ingest(WebClient api, String... events) {
        WebClient.Reply<String> reply = api.postJson("/api/v1/usage-events", "[" + String.join(",", events) + "]");
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("rejected").asInt()).as(reply::toString).isZero();
    }
}
