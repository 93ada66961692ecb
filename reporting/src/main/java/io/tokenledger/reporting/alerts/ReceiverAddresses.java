package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.ReportingProperties;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The addresses alerts may be sent to: {@linkplain PublicAddresses public} ones, and internal ones that
 * {@code tokenledger.alerts.allowed-internal-hosts} names (by host name, or by address).
 *
 * <p>It is the HTTP client's {@link DnsResolver}: the client connects to exactly the addresses returned here, which
 * were checked here, so a name cannot resolve to a public address for the check and to an internal one for the
 * connection (DNS rebinding), and every connection resolves the name again (no attempt relies on an earlier one's
 * answer). The name stays the connection's: TLS checks the certificate for it and sends it as SNI, and it is the
 * {@code Host} header. A decimal, octal or hexadecimal spelling of an address is a name like any other: what it
 * resolves to is checked.
 */
final class ReceiverAddresses implements DnsResolver {

    static final String SETTING = "tokenledger.alerts.allowed-internal-hosts";

    /** Resolves a host name to its addresses: the JDK's resolver, or a stand-in in tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /**
     * A receiver's host that alerts may not reach. An {@link UnknownHostException}, so that the HTTP client stops
     * before it connects anywhere.
     */
    static final class RefusedHostException extends UnknownHostException {

        RefusedHostException(String host) {
            super(refusal(host));
        }
    }

    private final Set<String> allowedNames = new HashSet<>();
    private final Set<InetAddress> allowedAddresses = new HashSet<>();
    private final Lookup lookup;

    ReceiverAddresses(ReportingProperties.AlertChannelUrls settings) {
        this(settings.allowedInternalHosts(), InetAddress::getAllByName);
    }

    ReceiverAddresses(List<String> allowedInternalHosts, Lookup lookup) {
        this.lookup = lookup;
        for (String host : allowedInternalHosts) {
            String bare = ReportingProperties.AlertChannelUrls.unbracketed(host.strip());
            Optional<InetAddress> literal = ReportingProperties.AlertChannelUrls.address(bare);
            if (literal.isPresent()) {
                allowedAddresses.add(literal.get());
            } else {
                allowedNames.add(normalized(bare));
            }
        }
    }

    /**
     * Why a URL's {@code host} may not receive alerts, when the host is an address written out that is neither public
     * nor allowed. A name is judged when it is resolved, at every attempt.
     */
    Optional<String> literalProblem(String host) {
        return ReportingProperties.AlertChannelUrls.address(ReportingProperties.AlertChannelUrls.unbracketed(host))
                .filter(address -> !permitted(host, address))
                .map(address -> "url names an internal address (" + host + "); alerts reach loopback, private,"
                        + " link-local and other addresses that are not public only when " + SETTING + " names them");
    }

    /**
     * The addresses of {@code host} that alerts may reach (an internal one only when allowed).
     *
     * @throws RefusedHostException when it has addresses, none of which alerts may reach
     * @throws UnknownHostException when it has none
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = lookup.addresses(host);
        InetAddress[] permitted =
                Arrays.stream(all).filter(address -> permitted(host, address)).toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw all.length == 0 ? new UnknownHostException(host) : new RefusedHostException(host);
        }
        return permitted;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** Only for Kerberos names, which alerts do not use: the name as given, without a second lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    private boolean permitted(String host, InetAddress address) {
        return PublicAddresses.isPublic(address)
                || allowedAddresses.contains(address)
                || allowedNames.contains(normalized(host));
    }

    private static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String refusal(String host) {
        return "refused: " + host + " is or resolves to an internal address (loopback, private, link-local or another"
                + " address that is not public); alerts reach one only when " + SETTING + " names it";
    }
}
