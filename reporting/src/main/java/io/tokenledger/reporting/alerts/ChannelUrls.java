package io.tokenledger.reporting.alerts;

import io.tokenledger.db.RejectedException;
import io.tokenledger.reporting.ReportingProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which channel URLs are acceptable: absolute {@code https} URLs with a host and no credentials in them; plain
 * {@code http} only with {@code tokenledger.alerts.allow-http=true}; no internal address written out (unless
 * {@code tokenledger.alerts.allowed-internal-hosts} names it). Checked when a channel is created and again before every
 * send (the settings may have changed since); names are checked as they are resolved, by {@link ReceiverAddresses}.
 */
@Component
class ChannelUrls {

    private static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final ReceiverAddresses addresses;

    @Autowired
    ChannelUrls(ReportingProperties properties) {
        this(properties.alerts());
    }

    ChannelUrls(ReportingProperties.AlertChannelUrls settings) {
        this.allowHttp = settings.allowHttp();
        this.addresses = new ReceiverAddresses(settings);
    }

    /** @throws RejectedException naming {@code url} */
    URI check(String url) {
        if (url == null || url.isBlank()) {
            throw RejectedException.invalid("url", "url is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw RejectedException.invalid("url", "url is not a valid URL: " + e.getMessage());
        }
        problem(uri).ifPresent(problem -> {
            throw RejectedException.invalid("url", problem);
        });
        return uri;
    }

    /** Why {@code uri} may not receive alerts, if it may not. */
    Optional<String> problem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.toString().length() > MAX_LENGTH) {
            return Optional.of("url must be at most " + MAX_LENGTH + " characters");
        }
        if (scheme.equals("http") && !allowHttp) {
            return Optional.of("url must use https: alerts carry spend figures and a webhook URL is a credential"
                    + " (plain http is accepted only with tokenledger.alerts.allow-http=true, for local testing)");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(
                    "url must be an https URL such as https://hooks.slack.com/services/…, was '" + uri + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("url must name a host, was '" + uri + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not contain a user name or password");
        }
        return addresses.literalProblem(uri.getHost());
    }
}
