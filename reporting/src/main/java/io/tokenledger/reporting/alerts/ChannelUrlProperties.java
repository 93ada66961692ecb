package io.tokenledger.reporting.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenledger.alerts.*} (the name API.md gives it).
 *
 * @param allowHttp accept plain {@code http://} channel URLs; for local testing only — alerts carry spend figures
 *     and webhook URLs are credentials
 */
@ConfigurationProperties("tokenledger.alerts")
public record ChannelUrlProperties(@DefaultValue("false") boolean allowHttp) {}
