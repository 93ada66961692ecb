package io.tokenledger.reporting.schedule;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 for the JVM's mail tests, on a port fixed at start, so that a test
 * can stop it (sending fails) and start it again (sending works) at the same address.
 */
final class Mailbox {

    static final String HOST = "127.0.0.1";
    static final int PORT = freePort();

    private static GreenMail server;

    private Mailbox() {}

    static synchronized GreenMail start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
