package io.tokenledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The URL of the ready line; that the line is logged at all is RestartIT's to show, on a real start. */
class TokenLedgerApplicationTest {

    @Test
    void theReadyUrlIsLocalhostWhenTheServerListensOnEveryAddress() throws Exception {
        assertThat(TokenLedgerApplication.url(false, null, 8080, "")).isEqualTo("http://localhost:8080");
        assertThat(TokenLedgerApplication.url(false, InetAddress.getByName("0.0.0.0"), 8080, ""))
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void theReadyUrlNamesTheBoundAddressTheSchemeAndTheContextPath() throws Exception {
        assertThat(TokenLedgerApplication.url(true, InetAddress.getByName("10.1.2.3"), 8443, "/tokenledger"))
                .isEqualTo("https://10.1.2.3:8443/tokenledger");
        assertThat(TokenLedgerApplication.url(false, InetAddress.getByName("::1"), 8080, ""))
                .isEqualTo("http://[0:0:0:0:0:0:0:1]:8080");
    }
}
