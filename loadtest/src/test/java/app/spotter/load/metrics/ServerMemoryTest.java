package app.spotter.load.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerMemoryTest {
  private static final String BEFORE = """
      12345:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         13457       10813784  [B (java.base@17.0.15)
         2:          3060         368056  java.lang.Class (java.base@17.0.15)
         3:         13197         316728  java.lang.String (java.base@17.0.15)
      Total         29714       11498568
      """;
  private static final String AFTER = """
      12345:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         23457       20813784  [B (java.base@17.0.15)
         2:         20000         960000  io.netty.channel.socket.nio.NioSocketChannel
         3:          3060         368056  java.lang.Class (java.base@17.0.15)
         4:         13197         316728  java.lang.String (java.base@17.0.15)
      Total         59714       22458568
      """;

  @Test
  @DisplayName("heap in use is read from G1's line, and summed over the generations of other collectors")
  void heapUsed() {
    assertThat(ServerMemory.heapUsedKb("""
         garbage-first heap   total 69632K, used 15912K [0x0000000687400000, 0x0000000800000000)
          region size 4096K, 0 young (0K), 0 survivors (0K)
         Metaspace       used 9110K, committed 9344K, reserved 1114112K
          class space    used 1095K, committed 1216K, reserved 1048576K
        """)).isEqualTo(15912);
    assertThat(ServerMemory.heapUsedKb("""
         PSYoungGen      total 76288K, used 1310K [0x000000076b200000, 0x0000000770700000, 0x00000007c0000000)
          eden space 65536K, 2% used [0x000000076b200000,0x000000076b347b38,0x000000076f200000)
         ParOldGen       total 175104K, used 3000K [0x00000006c1600000, 0x00000006cc100000, 0x000000076b200000)
         Metaspace       used 9110K, committed 9344K, reserved 1114112K
        """)).isEqualTo(4310);
  }

  @Test
  @DisplayName("the histogram's total, its top rows, and the classes that grew most")
  void histogram() {
    assertThat(ServerMemory.histogramTotalBytes(AFTER)).isEqualTo(22458568);
    assertThat(ServerMemory.top(AFTER, 2)).contains("[B", "NioSocketChannel", "Total").doesNotContain("java.lang.Class");
    String growth = ServerMemory.growth(BEFORE, AFTER, 2);
    assertThat(growth.lines().skip(1).toList()).hasSize(2);
    assertThat(growth.lines().skip(1).findFirst().orElseThrow()).contains("10000", "10000000", "[B");
    assertThat(growth).contains("20000", "960000", "NioSocketChannel").doesNotContain("java.lang.Class");
  }
}
