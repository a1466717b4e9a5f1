package app.spotter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: InetAddress parses them without any lookup. */
class PrivateAddressesTest {

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254",
      "192.168.1.10", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3",
      "224.0.0.1", "239.255.255.250", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1",
      "febf::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
      "192.0.2.10", "198.51.100.7", "203.0.113.200", "2001:db8::1", "100::1", "2002:7f00:1::1", "2001:0:4136:e378::1"})
  void nonPublic(String literal) throws UnknownHostException {
    assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(literal))).isTrue();
  }

  @ParameterizedTest(name = "{0} is public")
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
      "192.167.255.255", "192.169.0.1", "169.253.0.1", "11.0.0.1", "223.255.255.255", "2606:4700:4700::1111",
      "2a00:1450::1", "::ffff:8.8.8.8", "64:ff9b::808:808"})
  void publicAddress(String literal) throws UnknownHostException {
    assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(literal))).isFalse();
  }
}
