package app.spotter.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Addresses a webhook must not reach unless private ones are allowed: anything that is not the
 * public internet, where a URL could make the server call into its own network or a cloud
 * metadata service (169.254.169.254). IPv6 forms that carry an IPv4 address are judged by it.
 */
final class PrivateAddresses {
  private static final List<Range> RANGES = List.of(
      Range.of("0.0.0.0", 8),        // "this network", incl. the unspecified 0.0.0.0
      Range.of("10.0.0.0", 8),       // RFC 1918
      Range.of("100.64.0.0", 10),    // carrier-grade NAT
      Range.of("127.0.0.0", 8),      // loopback
      Range.of("169.254.0.0", 16),   // link-local, cloud metadata
      Range.of("172.16.0.0", 12),    // RFC 1918
      Range.of("192.0.0.0", 24),     // IETF protocol assignments
      Range.of("192.0.2.0", 24),     // documentation (TEST-NET-1)
      Range.of("192.168.0.0", 16),   // RFC 1918
      Range.of("198.18.0.0", 15),    // benchmarking
      Range.of("198.51.100.0", 24),  // documentation (TEST-NET-2)
      Range.of("203.0.113.0", 24),   // documentation (TEST-NET-3)
      Range.of("224.0.0.0", 4),      // multicast
      Range.of("240.0.0.0", 4),      // reserved, incl. broadcast
      Range.of("::", 128),           // unspecified
      Range.of("::1", 128),          // loopback
      Range.of("100::", 64),         // discard-only
      Range.of("2001::", 32),        // Teredo: tunnels to an IPv4 address it hides
      Range.of("2001:db8::", 32),    // documentation
      Range.of("2002::", 16),        // 6to4: tunnels to the IPv4 address in its bytes 2-5
      Range.of("fc00::", 7),         // unique local
      Range.of("fe80::", 10),        // link-local
      Range.of("fec0::", 10),        // old site-local
      Range.of("ff00::", 8));        // multicast
  /**
   * IPv6 prefixes whose last 32 bits are an IPv4 address: mapped (::ffff:0:0/96, built from bytes
   * since Java reads that literal as IPv4), compatible (::/96) and NAT64 (64:ff9b::/96).
   */
  private static final List<Range> EMBEDDING_IPV4 = List.of(
      new Range(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96),
      Range.of("::", 96),
      Range.of("64:ff9b::", 96));

  private PrivateAddresses() {}

  static boolean isPrivate(InetAddress address) {
    return isPrivate(address.getAddress());
  }

  private static boolean isPrivate(byte[] address) {
    if (RANGES.stream().anyMatch(range -> range.contains(address))) {
      return true;
    }
    return EMBEDDING_IPV4.stream().anyMatch(range -> range.contains(address))
        && isPrivate(Arrays.copyOfRange(address, 12, 16));
  }

  /** A CIDR block; it contains only addresses of its own family. */
  private record Range(byte[] prefix, int bits) {
    static Range of(String literal, int bits) {
      try {
        return new Range(InetAddress.getByName(literal).getAddress(), bits);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
