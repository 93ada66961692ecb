package io.tokenledger.ingest.appinsights;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names a puller in claims: the host (for people reading the table) and a random part (unique per puller). */
final class Owners {

    private Owners() {}

    static String next() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
