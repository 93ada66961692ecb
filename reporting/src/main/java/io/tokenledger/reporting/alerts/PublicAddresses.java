package io.tokenledger.reporting.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses are public: everything but IANA's special-purpose ranges (RFC 6890 and its successors). Alerts go to
 * public addresses only, unless {@code tokenledger.alerts.allowed-internal-hosts} names a host, so that a webhook URL
 * cannot make TokenLedger post to (and report on) the cloud's metadata service, the database or anything else inside.
 *
 * <p>Not public: this network and {@code 0.0.0.0}, loopback, private ranges, shared address space (CGNAT),
 * link-local (with {@code 169.254.169.254}), the IETF, documentation and benchmarking ranges, multicast, reserved and
 * broadcast; in IPv6 the unspecified and loopback addresses, unique-local, link- and site-local, multicast,
 * documentation, discard and the IETF's own block (Teredo, ORCHID). An IPv6 address that carries an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is as public as the IPv4
 * address it carries.
 */
final class PublicAddresses {

    /** A range of addresses: the first {@code prefix} bits of {@code network}. */
    private record Range(byte[] network, int prefix) {

        static Range of(int[] network, int prefix) {
            byte[] bytes = new byte[network.length];
            for (int i = 0; i < network.length; i++) {
                bytes[i] = (byte) network[i];
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest);
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private static final List<Range> NOT_PUBLIC_V4 = List.of(
            Range.of(new int[] {0, 0, 0, 0}, 8), // "this network", 0.0.0.0
            Range.of(new int[] {10, 0, 0, 0}, 8), // private
            Range.of(new int[] {100, 64, 0, 0}, 10), // shared address space (CGNAT)
            Range.of(new int[] {127, 0, 0, 0}, 8), // loopback
            Range.of(new int[] {169, 254, 0, 0}, 16), // link-local, cloud metadata 169.254.169.254
            Range.of(new int[] {172, 16, 0, 0}, 12), // private
            Range.of(new int[] {192, 0, 0, 0}, 24), // IETF protocol assignments
            Range.of(new int[] {192, 0, 2, 0}, 24), // documentation (TEST-NET-1)
            Range.of(new int[] {192, 88, 99, 0}, 24), // 6to4 relay anycast
            Range.of(new int[] {192, 168, 0, 0}, 16), // private
            Range.of(new int[] {198, 18, 0, 0}, 15), // benchmarking
            Range.of(new int[] {198, 51, 100, 0}, 24), // documentation (TEST-NET-2)
            Range.of(new int[] {203, 0, 113, 0}, 24), // documentation (TEST-NET-3)
            Range.of(new int[] {224, 0, 0, 0}, 4), // multicast
            Range.of(new int[] {240, 0, 0, 0}, 4)); // reserved, broadcast 255.255.255.255

    private static final List<Range> NOT_PUBLIC_V6 = List.of(
            Range.of(new int[16], 96), // unspecified ::, loopback ::1, IPv4-compatible ::a.b.c.d (deprecated)
            Range.of(new int[] {0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 64), // discard
            Range.of(new int[] {0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 48), // local NAT64
            Range.of(new int[] {0x20, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 23), // IETF: Teredo, ORCHID…
            Range.of(new int[] {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 32), // documentation
            Range.of(new int[] {0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 7), // unique-local
            Range.of(new int[] {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 10), // link-local
            Range.of(new int[] {0xfe, 0xc0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 10), // site-local (deprecated)
            Range.of(new int[] {0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 8)); // multicast

    private static final Range MAPPED = Range.of(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0}, 96);
    private static final Range NAT64 =
            Range.of(new int[] {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 96);
    private static final Range SIX_TO_FOUR =
            Range.of(new int[] {0x20, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 16);

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
            return isPublicV4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return isPublicV4(Arrays.copyOfRange(bytes, 2, 6));
        }
        return NOT_PUBLIC_V6.stream().noneMatch(range -> range.contains(bytes));
    }

    private static boolean isPublicV4(byte[] bytes) {
        return NOT_PUBLIC_V4.stream().noneMatch(range -> range.contains(bytes));
    }
}
