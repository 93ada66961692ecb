package io.tokenledger.reporting.alerts;

import java.net.URI;
import java.time.Instant;

/**
 * Where alerts go: a Slack incoming webhook ({@code slack}) or a generic webhook ({@code webhook}, each message
 * signed with the channel's secret), for all tenants or one tenant or cost center ({@code subject}).
 */
public record AlertChannel(
        long id,
        String type,
        String name,
        URI url,
        ChannelScope scope,
        String subject,
        Instant createdAt,
        String createdBy) {

    /**
     * The URL as pages and the API show it: scheme, host and first path segment; the rest (for Slack, the secret
     * part) hidden.
     */
    public String maskedUrl() {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        int second = path.indexOf('/', 1);
        String shown = second < 0 ? path : path.substring(0, second + 1);
        boolean hidden = second >= 0 || url.getRawQuery() != null;
        return url.getScheme() + "://" + url.getRawAuthority() + shown + (hidden ? "…" : "");
    }

    /** What a page calls the channel: its name, else its masked URL. */
    public String displayName() {
        return name == null || name.isBlank() ? maskedUrl() : name;
    }
}
