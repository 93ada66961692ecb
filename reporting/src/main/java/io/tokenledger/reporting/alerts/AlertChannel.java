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
     * The URL as pages and the API show it: scheme, host and port, and {@code /…} when anything follows. A webhook
     * URL is a credential wherever its secret sits (a path segment, a matrix parameter such as {@code ;jsessionid=},
     * the query), so nothing after the host is shown.
     */
    public String maskedUrl() {
        String hostAndPort = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        boolean more =
                !(path.isEmpty() || path.equals("/")) || url.getRawQuery() != null || url.getRawFragment() != null;
        return url.getScheme() + "://" + hostAndPort + (more ? "/…" : path);
    }

    /** What a page calls the channel: its name, else its masked URL. */
    public String displayName() {
        return name == null || name.isBlank() ? maskedUrl() : name;
    }
}
