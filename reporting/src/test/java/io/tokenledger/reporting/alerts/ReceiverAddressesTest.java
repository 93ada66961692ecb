package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.reporting.ReportingProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiverAddressesTest {

    /** A stand-in for DNS. */
    private static ReceiverAddresses.Lookup dns(Map<String, List<String>> records) {
        return host -> {
            List<String> addresses = records.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByName(addresses.get(i));
            }
            return resolved;
        };
    }

    private static final ReceiverAddresses.Lookup DNS = dns(Map.of(
            "hooks.slack.com", List.of("52.95.110.1"),
            "metadata.example.test", List.of("169.254.169.254"),
            "split.example.test", List.of("10.0.0.7", "52.95.110.2"),
            "hooks.internal.example", List.of("10.1.2.3"),
            "empty.example.test", List.of()));

    @Test
    void aNameIsResolvedAndOnlyPublicAddressesAreHandedOn() throws UnknownHostException {
        ReceiverAddresses addresses = new ReceiverAddresses(List.of(), DNS);

        assertThat(addresses.resolve("hooks.slack.com"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("52.95.110.1");
        assertThat(addresses.resolve("split.example.test"))
                .as("an internal address among public ones is dropped, never connected to")
                .extracting(InetAddress::getHostAddress)
                .containsExactly("52.95.110.2");
        assertThat(addresses.resolve("hooks.slack.com", 443))
                .singleElement()
                .satisfies(address -> assertThat(address.getPort()).isEqualTo(443));
    }

    @Test
    void aNameThatResolvesToInternalAddressesOnlyIsRefusedNamingTheSetting() {
        ReceiverAddresses addresses = new ReceiverAddresses(List.of(), DNS);

        assertThatThrownBy(() -> addresses.resolve("metadata.example.test"))
                .isInstanceOf(ReceiverAddresses.RefusedHostException.class)
                .hasMessageContaining("metadata.example.test")
                .hasMessageContaining("tokenledger.alerts.allowed-internal-hosts");
        assertThatThrownBy(() -> addresses.resolve("hooks.internal.example"))
                .isInstanceOf(ReceiverAddresses.RefusedHostException.class);
        assertThatThrownBy(() -> addresses.resolve("nowhere.example.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(ReceiverAddresses.RefusedHostException.class);
        assertThatThrownBy(() -> addresses.resolve("empty.example.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(ReceiverAddresses.RefusedHostException.class);
    }

    @Test
    void anAllowedNameReachesWhateverItResolvesToAndAnAllowedAddressWhateverNameResolvesToIt()
            throws UnknownHostException {
        ReceiverAddresses byName = new ReceiverAddresses(List.of(" Hooks.Internal.Example. "), DNS);
        ReceiverAddresses byAddress = new ReceiverAddresses(List.of("169.254.169.254", "[fd00::1]"), DNS);

        assertThat(byName.resolve("hooks.internal.example"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("10.1.2.3");
        assertThatThrownBy(() -> byName.resolve("metadata.example.test"))
                .isInstanceOf(ReceiverAddresses.RefusedHostException.class);
        assertThat(byAddress.resolve("metadata.example.test"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("169.254.169.254");
        assertThat(byAddress.literalProblem("[fd00::1]")).isEmpty();
        assertThat(byAddress.literalProblem("[fd00::2]")).isPresent();
    }

    @Test
    void addressesWrittenOutAreJudgedWithoutALookup() {
        ReceiverAddresses addresses = new ReceiverAddresses(List.of("10.0.0.5"), host -> {
            throw new AssertionError("no lookup for " + host);
        });

        for (String host : List.of(
                "169.254.169.254", "127.0.0.1", "0.0.0.0", "192.168.0.1", "[::1]", "[::ffff:127.0.0.1]", "[fe80::1]")) {
            assertThat(addresses.literalProblem(host))
                    .as(host)
                    .hasValueSatisfying(problem -> assertThat(problem)
                            .startsWith("url names an internal address (" + host + ")")
                            .contains("tokenledger.alerts.allowed-internal-hosts"));
        }
        assertThat(addresses.literalProblem("10.0.0.5")).as("allowed").isEmpty();
        assertThat(addresses.literalProblem("8.8.8.8")).as("public").isEmpty();
        assertThat(addresses.literalProblem("hooks.slack.com"))
                .as("a name is judged when resolved")
                .isEmpty();
    }

    @Test
    void otherSpellingsOfAnAddressAreNamesJudgedByWhatTheyResolveTo() {
        ReceiverAddresses addresses = new ReceiverAddresses(List.of(), InetAddress::getAllByName);

        // the JDK reads these as 127.0.0.1 and 0.0.0.0 (an unreadable spelling does not resolve at all)
        for (String name : List.of("2130706433", "127.1", "0", "localhost")) {
            assertThatThrownBy(() -> addresses.resolve(name))
                    .as(name)
                    .isInstanceOf(ReceiverAddresses.RefusedHostException.class);
        }
    }

    @Test
    void theSettingTakesNamesAndAddressesAndNamesItselfWhenGivenAnythingElse() {
        assertThat(new ReportingProperties.AlertChannelUrls(
                                false, List.of("hooks.internal.example", "10.0.0.5", "[::1]", "fd00::1", "localhost"))
                        .allowedInternalHosts())
                .hasSize(5);
        for (String wrong :
                List.of("https://hooks.internal.example", "10.0.0.0/8", "*.internal.example", "host:8080", "")) {
            assertThatThrownBy(() -> new ReportingProperties.AlertChannelUrls(false, List.of(wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("tokenledger.alerts.allowed-internal-hosts: '" + wrong + "'");
        }
    }
}
